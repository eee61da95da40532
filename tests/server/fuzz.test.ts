import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PollCatalog } from '../../src/server/pollCatalog.ts';
import { DATABASE_FILE } from '../../src/server/pollBackend.ts';
import type { RunningServer } from '../../src/server/startServer.ts';
import type { Deck, Poll, ScalePoll } from '../../src/shared/deck.ts';
import { LIMITS, type ServerMessage, type VoteValue } from '../../src/shared/protocol.ts';
import { dumpDatabase, storedVotes, withoutParticipant, type Dump } from './helpers/dbDump.ts';
import {
  hostileMessage,
  hostileText,
  isValidVote,
  MESSAGE_OPTIONS,
  validVote,
  type FuzzWorld,
  type Hostile,
  type Role,
} from './helpers/hostileMessages.ts';
import { maskedFrame, sendRaw } from './helpers/rawSocket.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { DEFAULT_LIMITS } from '../../src/server/participantLimits.ts';
import { makeDataDir, startTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { POLLS, testDeck } from './helpers/testDeck.ts';

// Fuzzing the live poll server with hostile messages (fast-check, a fixed number of runs from a seed
// that is printed; rerun one with FUZZ_SEED=<seed>, shrink a failure with FUZZ_SHRINK=1). Every hostile
// request must get exactly one answer, an `error` with the expected code and the request's ref; the
// database must not change; the server stays up and an honest participant alongside keeps voting, with
// the presenter seeing the results.
//
// The rate limit (20 messages a second, bursts of 40 per connection) is left as it is: each hostile
// connection sends at most 38 messages (join, the batch, a closing probe), so every answer is about the
// message and never `rate-limited`. Many connections per run make up the volume.

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SHRINK = process.env.FUZZ_SHRINK === '1';
const CONNECTIONS_PER_RUN = 6;
const MESSAGES_PER_CONNECTION = { minLength: 28, maxLength: 36 };
const MIN_MESSAGES = 10_000;

/** Messages that answer a request; the rest (state, results, presence, timer) are broadcasts. */
const ANSWER_TYPES: ReadonlySet<string> = new Set(['error', 'ok', 'ack', 'snapshot', 'room-created', 'pending-page']);
/** The ref of the request that ends a hostile connection; generated refs stay below 2^31 (or are 2^53 - 1). */
const PROBE_REF = 2 ** 40 + 7;

/** The test deck, with a group poll when it has none yet. */
function fuzzDeck(): Deck {
  const deck = testDeck();
  const block = deck.blocks[0];
  if (block && !block.polls.some((poll) => poll.type === 'group')) {
    block.polls.push({ id: 'groepswerk', type: 'group', question: 'Wat zegt je groep?', options: [], hidden: true });
  }
  return deck;
}

const deck = fuzzDeck();
const polls: readonly Poll[] = new PollCatalog(deck).all();
/** Polls whose votes the fuzzer can tell apart (valid or not): open during the fuzzing, except one. */
const modelled = polls.filter((poll) => isValidVote(poll, validVote(poll)) === true);
const CLOSED_POLL = POLLS.hidden.id;
const HONEST_POLL: ScalePoll = POLLS.scale;

let server: RunningServer;
let databaseFile: string;
let world: FuzzWorld;
let presenter: PollClient;
let honest: { client: PollClient; identity: string; participant: string; votes: number };
let honestVote: number | null = null;
/**
 * The honest participant votes in every run, faster than a person would: after this many votes its
 * phone reconnects (as phones do), which also keeps it within its connection's rate limit.
 */
const HONEST_VOTES_PER_CONNECTION = 25;
let presenterKey: string;
const clients: PollClient[] = [];

const answers = (client: PollClient) => client.messages.filter((message) => ANSWER_TYPES.has(message.type));

/** The `n`th answer (0-based) this client receives. */
async function nthAnswer(client: PollClient, n: number): Promise<ServerMessage> {
  await client.waitFor(() => answers(client).length > n);
  const answer = answers(client)[n];
  if (!answer) throw new Error('no answer');
  return answer;
}

const preview = (data: string | Buffer) =>
  typeof data === 'string' ? JSON.stringify(data.slice(0, 300)) : `<binary ${data.toString('hex').slice(0, 80)}>`;

const describeAnswer = (answer: ServerMessage) =>
  answer.type === 'error' ? `error ${answer.code} ref ${answer.ref}` : JSON.stringify(answer);

/**
 * One hostile connection. One by one, each message answered before the next is sent, so every answer
 * is checked against its message; or all at once (the answers may come in another order: a message
 * that fails to parse is answered at once, a valid one after the ones before it), so the answers are
 * compared as a whole. Either way a last request, the probe, is answered after everything before it.
 */
async function playHostile(role: Role, messages: Hostile[], pipelined: boolean): Promise<void> {
  const client = await PollClient.connect(server.url);
  try {
    if (role === 'participant') {
      const joined = await client.request({ type: 'join', room: world.room });
      expect(outcome(joined)).toBe('snapshot');
    }
    const first = answers(client).length;
    if (pipelined) {
      for (const hostile of messages) client.socket.send(hostile.data);
    } else {
      for (const [k, hostile] of messages.entries()) {
        client.socket.send(hostile.data);
        const answer = await nthAnswer(client, first + k).catch((error: unknown) => {
          throw new Error(`${role}: no answer to ${preview(hostile.data)}: ${String(error)}`);
        });
        // `===`, not Object.is: a ref of -0 comes back as 0.
        if (answer.type !== 'error' || answer.code !== hostile.code || answer.ref !== hostile.ref) {
          throw new Error(
            `${role}: ${preview(hostile.data)} was answered ${describeAnswer(answer)}; ` +
              `expected error ${hostile.code} ref ${hostile.ref}`,
          );
        }
      }
    }
    client.sendRaw({ type: 'show', poll: null, ref: PROBE_REF });
    const probe = await client
      .waitFor((m) => m.type === 'error' && m.ref === PROBE_REF)
      .catch((error: unknown) => {
        const got = answers(client).slice(first).map(describeAnswer);
        const sent = messages.map((hostile) => `  ${preview(hostile.data)} -> ${hostile.code} ${hostile.ref}`);
        throw new Error(
          `${role}, ${pipelined ? 'all at once' : 'one by one'}: no answer to the probe (${String(error)}); ` +
            `${got.length} answers:\n  ${got.join('\n  ')}\nsent:\n${sent.join('\n')}`,
        );
      });
    const answered = answers(client).slice(first);
    expect(answered.at(-1)).toBe(probe);
    const got = answered.slice(0, -1).map(describeAnswer).sort();
    const expected = messages.map((hostile) => `error ${hostile.code} ref ${hostile.ref}`).sort();
    if (JSON.stringify(got) !== JSON.stringify(expected)) {
      const frames = messages.map((hostile) => `  ${preview(hostile.data)} -> ${hostile.code} ${hostile.ref}`);
      expect(got, `${role}, ${pipelined ? 'all at once' : 'one by one'}:\n${frames.join('\n')}`).toEqual(expected);
    }
  } finally {
    client.close();
  }
}

function scaleCounts(values: unknown[]): number[] {
  const counts = new Array<number>(HONEST_POLL.max - HONEST_POLL.min + 1).fill(0);
  for (const value of values) {
    if (typeof value === 'number') counts[value - HONEST_POLL.min] = (counts[value - HONEST_POLL.min] ?? 0) + 1;
  }
  return counts;
}

/** The honest participant's phone reconnects; its snapshot has its latest vote. */
async function reconnectHonestly(): Promise<void> {
  expect(honest.client.messages.filter((m) => m.type === 'error')).toEqual([]);
  honest.client.close();
  const again = await joinRoom(server.url, world.room, honest.identity);
  expect(again.snapshot).toMatchObject({ current: { poll: HONEST_POLL.id, open: true }, myVote: honestVote });
  expect(again.participant).toBe(honest.participant);
  honest = { ...again, votes: 0 };
  clients.push(honest.client);
}

/** The honest participant votes; the vote is acknowledged, stored, and the presenter sees it counted. */
async function voteHonestly(run: number): Promise<void> {
  if (honest.votes >= HONEST_VOTES_PER_CONNECTION) await reconnectHonestly();
  honest.votes++;
  const value = HONEST_POLL.min + (run % (HONEST_POLL.max - HONEST_POLL.min + 1));
  const mark = presenter.messages.length;
  const ack = await honest.client.request({ type: 'vote', poll: HONEST_POLL.id, value }).catch((error: unknown) => {
    const recent = honest.client.messages.filter((m) => m.type !== 'presence' && m.type !== 'results').slice(-3);
    throw new Error(`the honest vote ${value} got no answer (${String(error)}); last: ${JSON.stringify(recent)}`);
  });
  expect(ack).toMatchObject({ type: 'ack', poll: HONEST_POLL.id, round: 1, value });
  honestVote = value;
  const stored = storedVotes(databaseFile, world.room, HONEST_POLL.id, 1);
  expect(stored.find((vote) => vote.participant === honest.participant)?.value).toBe(value);
  const expected = scaleCounts(stored.map((vote) => vote.value));
  const seen = () => presenter.messages.slice(mark).filter((m) => m.type === 'results');
  await presenter
    .waitFor(
      (m) =>
        m.type === 'results' &&
        m.results.poll === HONEST_POLL.id &&
        m.results.results.kind === 'scale' &&
        m.results.results.counts.join() === expected.join() &&
        presenter.messages.indexOf(m) >= mark,
    )
    .catch((error: unknown) => {
      throw new Error(
        `the presenter did not see the honest vote ${value} counted as ${expected.join()} (${String(error)}); ` +
          `results since: ${JSON.stringify(seen())}`,
      );
    });
}

/**
 * A hostile participant connection joins the room as any phone does, so the room's peak of connected
 * participants (for the session report) may rise; nothing else may change.
 */
const withoutPeak = (dump: Dump): Dump => ({
  ...dump,
  rooms: (dump.rooms ?? []).map((row) => ({ ...row, peak_participants: undefined })),
});

/** The database is as before, but for the honest participant's own (latest) vote and the room's peak. */
function expectUnchanged(before: Dump): void {
  const now = dumpDatabase(databaseFile);
  expect(withoutPeak(withoutParticipant(now, honest.participant))).toEqual(withoutPeak(before));
  const honestRows = (now.votes ?? []).filter((row) => row.participant === honest.participant);
  expect(honestRows.map((row) => JSON.parse(String(row.value)))).toEqual(honestVote === null ? [] : [honestVote]);
}

beforeAll(async () => {
  console.log(`fuzz: seed ${SEED}, ${RUNS} runs (rerun with FUZZ_SEED=${SEED})`);
  databaseFile = join(makeDataDir(), DATABASE_FILE);
  // No vote grace, so the model knows which votes count (the poll on screen only); identities enough
  // for every hostile participant connection.
  const limits = { ...DEFAULT_LIMITS, voteGraceMs: 0, newIdentities: { burst: 100_000, refillSeconds: 1 } };
  server = await startTestServer({ dataDir: join(databaseFile, '..'), deck, limits });
  const room = await createRoom(server.url);
  presenter = room.presenter;
  presenterKey = room.key;
  clients.push(presenter);
  for (const poll of modelled) expect(outcome(await presenter.request({ type: 'open', poll: poll.id }))).toBe('ok');

  // Something stored to keep unchanged: three participants answer every poll on screen, then one poll closes.
  const voters = await Promise.all([0, 1, 2].map(() => joinRoom(server.url, room.room)));
  for (const poll of modelled) {
    expect(outcome(await presenter.request({ type: 'show', poll: poll.id }))).toBe('ok');
    for (const [k, { client }] of voters.entries()) {
      const answer = await client.request({ type: 'vote', poll: poll.id, value: validVote(poll, k) as VoteValue });
      expect(outcome(answer)).toBe('ack');
    }
  }
  for (const { client } of voters) client.close();
  expect(outcome(await presenter.request({ type: 'close', poll: CLOSED_POLL }))).toBe('ok');
  expect(outcome(await presenter.request({ type: 'show', poll: HONEST_POLL.id }))).toBe('ok');

  const phone = await joinRoom(server.url, room.room);
  honest = { ...phone, votes: 0 };
  clients.push(honest.client);
  world = {
    room: room.room,
    polls,
    open: new Set(modelled.filter((poll) => poll.id !== CLOSED_POLL).map((poll) => poll.id)),
    current: HONEST_POLL.id,
  };
});

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.close();
});

describe('fuzzing the poll server', () => {
  it('answers every hostile message with one error, stores nothing, and keeps serving an honest client', async () => {
    const serverErrors = vi.spyOn(console, 'error');
    const before = withoutParticipant(dumpDatabase(databaseFile), honest.participant);
    expect(before.votes?.length).toBeGreaterThan(0);
    const deckView = await PollClient.connect(server.url);
    clients.push(deckView);
    const roomState = async () => {
      const snapshot = await deckView.request({ type: 'present', room: world.room, key: presenterKey });
      return snapshot.type === 'snapshot' ? { current: snapshot.current, polls: snapshot.polls } : snapshot;
    };
    const stateBefore = await roomState();
    expect(stateBefore).toMatchObject({ current: { poll: HONEST_POLL.id, open: true } });

    const connection = (role: Role) =>
      fc
        .tuple(fc.array(hostileMessage(world, role), MESSAGES_PER_CONNECTION), fc.boolean())
        .map(([messages, pipelined]) => ({ role, messages, pipelined }));
    const scenario = fc.array(fc.oneof(connection('stranger'), connection('participant'), connection('participant')), {
      minLength: CONNECTIONS_PER_RUN,
      maxLength: CONNECTIONS_PER_RUN,
    });

    const started = Date.now();
    const byCode = new Map<string, number>();
    const byKind = new Map<string, number>();
    let sent = 0;
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(scenario, async (connections) => {
          run++;
          await Promise.all([
            ...connections.map(({ role, messages, pipelined }) => playHostile(role, messages, pipelined)),
            voteHonestly(run),
          ]);
          expectUnchanged(before);
          for (const { messages } of connections) {
            sent += messages.length;
            for (const { code, kind } of messages) {
              byCode.set(code, (byCode.get(code) ?? 0) + 1);
              byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
            }
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: !SHRINK },
      );
    } catch (error) {
      console.error(`fuzz: failed with seed ${SEED}; rerun with FUZZ_SEED=${SEED} (FUZZ_SHRINK=1 to shrink)`);
      throw error;
    }
    const sorted = (counts: Map<string, number>) => Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
    console.log(`fuzz: ${sent} hostile messages in ${Date.now() - started} ms`, sorted(byCode), sorted(byKind));

    if (RUNS >= 60) expect(sent).toBeGreaterThanOrEqual(MIN_MESSAGES);
    // Every way of being refused was tried, and every message type of the protocol.
    for (const code of [
      'bad-message',
      'not-presenter',
      'not-joined',
      'unknown-poll',
      'poll-closed',
      'not-current',
      'bad-vote',
      'already-joined',
      'bad-identity',
    ]) {
      expect(byCode.get(code), code).toBeGreaterThan(0);
    }
    expect(byCode.get('unknown-room')).toBeGreaterThan(0);
    for (const { type } of MESSAGE_OPTIONS) expect(byKind.get(type), type).toBeGreaterThan(0);
    expect(serverErrors).not.toHaveBeenCalled();
    serverErrors.mockRestore();

    // Still up, still the same room; the honest participant and presenter never got an error.
    expectUnchanged(before);
    expect(await roomState()).toEqual(stateBefore);
    expect(honest.client.messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(presenter.messages.filter((m) => m.type === 'error')).toEqual([]);
    const { room, presenter: newcomer } = await createRoom(server.url);
    clients.push(newcomer);
    expect(room).not.toBe(world.room);
    expect(outcome(await honest.client.request({ type: 'vote', poll: HONEST_POLL.id, value: HONEST_POLL.max }))).toBe(
      'ack',
    );
    honestVote = HONEST_POLL.max;
  }, 120_000);

  it('closes a connection that sends an oversized or broken frame, answers nothing, and stores nothing', async () => {
    const before = withoutParticipant(dumpDatabase(databaseFile), honest.participant);

    // Over the size limit (1009) or not UTF-8 in a text frame (1007): ws closes the socket.
    const oversized = fc
      .tuple(fc.integer({ min: LIMITS.messageBytes + 1, max: 64 * 1024 }), hostileText, fc.nat(2))
      .map(([bytes, text, shape]) => {
        // Repeating text may pair up lone surrogates, which then take fewer bytes: top up with ASCII.
        let fill = (text || 'x').repeat(Math.ceil(bytes / Math.max(1, Buffer.byteLength(text || 'x'))));
        fill += 'x'.repeat(Math.max(0, bytes - Buffer.byteLength(fill)));
        const data = [
          JSON.stringify({ type: 'vote', poll: POLLS.open.id, value: fill }),
          JSON.stringify({ type: 'vote', poll: POLLS.multiple.id, value: Array.from({ length: bytes }, () => 1) }),
          fill,
        ][shape];
        return { data: Buffer.from(data ?? fill), code: 1009 };
      });
    const notUtf8 = fc
      .tuple(
        fc.constantFrom([0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80]),
        fc.string({ unit: 'binary-ascii', maxLength: 40 }),
      )
      .map(([bytes, text]) => ({
        data: Buffer.concat([
          Buffer.from(`{"type":"vote","poll":"woord","value":"${text}`),
          Buffer.from(bytes),
          Buffer.from('"}'),
        ]),
        code: 1007,
      }));

    await fc.assert(
      fc.asyncProperty(fc.oneof(oversized, notUtf8), async ({ data, code }) => {
        const { client } = await joinRoom(server.url, world.room);
        const first = answers(client).length;
        client.socket.send(data, { binary: false });
        const answered = nthAnswer(client, first).then(
          (answer) => `answered ${JSON.stringify(answer)}`,
          () => new Promise<string>(() => {}), // closed: the other outcome
        );
        const ended = await Promise.race([client.closed.then(({ code }) => `closed ${code}`), answered]);
        expect(ended, `${data.length} bytes: ${data.toString().slice(0, 80)}`).toBe(`closed ${code}`);
        expect(answers(client).length).toBe(first);
      }),
      { seed: SEED, numRuns: 100, endOnFailure: !SHRINK },
    );

    // Right at the limit a message is read (and refused as a message); one byte more closes the socket.
    const atLimit = (bytes: number) => {
      const frame = JSON.stringify({ type: 'vote', poll: POLLS.open.id, value: '' });
      return frame.replace('""', `"${'x'.repeat(bytes - Buffer.byteLength(frame))}"`);
    };
    const probe = await PollClient.connect(server.url);
    clients.push(probe);
    probe.sendRaw(atLimit(LIMITS.messageBytes));
    expect(await nthAnswer(probe, 0)).toMatchObject({ type: 'error', code: 'bad-message' });
    probe.sendRaw(atLimit(LIMITS.messageBytes + 1));
    expect((await probe.closed).code).toBe(1009);
    expect(answers(probe).length).toBe(1);

    // Frames no WebSocket library sends: the server closes with a protocol error, and answers nothing.
    const bytes = (...values: number[]) => Buffer.from(values);
    const broken: [string, Buffer, number][] = [
      ['unmasked', bytes(0x81, 5, ...Buffer.from('hello')), 1002],
      ['reserved bit 1', maskedFrame(0xc1, Buffer.from('{}')), 1002],
      ['reserved opcode', maskedFrame(0x83, Buffer.from('{}')), 1002],
      ['control frame over 125 bytes', maskedFrame(0x89, Buffer.alloc(126, 1)), 1002],
      ['fragmented control frame', maskedFrame(0x09, Buffer.from('x')), 1002],
      ['continuation without a start', maskedFrame(0x80, Buffer.from('{}')), 1002],
      ['close code 999', maskedFrame(0x88, bytes(0x03, 0xe7)), 1002],
      ['a length over the limit', maskedFrame(0x81, Buffer.alloc(0), bytes(0x13, 0x88)), 1009],
      [
        'a length of 2^63',
        maskedFrame(0x81, Buffer.alloc(0), bytes(0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff)),
        1009,
      ],
      [
        'fragments adding up over the limit',
        Buffer.concat([maskedFrame(0x01, Buffer.alloc(3000, 0x20)), maskedFrame(0x80, Buffer.alloc(3000, 0x20))]),
        1009,
      ],
    ];
    for (const [name, frame, code] of broken) {
      expect(await sendRaw(server.url, frame), name).toEqual({ closeCode: code, opcodes: [8] });
    }
    // Random bytes after the handshake: whatever the server makes of them, it carries on.
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (random) => {
        await sendRaw(server.url, Buffer.from(random), 50);
      }),
      { seed: SEED, numRuns: 50 },
    );

    expectUnchanged(before);
    expect(outcome(await honest.client.request({ type: 'vote', poll: HONEST_POLL.id, value: HONEST_POLL.min }))).toBe(
      'ack',
    );
    honestVote = HONEST_POLL.min;
    expectUnchanged(before);
  }, 60_000);
});
