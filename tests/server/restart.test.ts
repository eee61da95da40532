import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/server/pollBackend.ts';
import { reconnectDelay } from '../../src/shared/backoff.ts';
import type { ServerMessage } from '../../src/shared/protocol.ts';
import { storedVotes } from './helpers/dbDump.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { makeDataDir, makeDist, startTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { POLLS } from './helpers/testDeck.ts';

// Durability: a vote that was acknowledged is in the database, even when the server process is killed
// (SIGKILL: no shutdown code runs) while other votes are still on their way.

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** `npm start`'s server (src/server/main.ts) as a separate process; resolves once it listens. */
function startProcess(dataDir: string, distDir: string, port = 0): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: distDir,
      PUBLIC_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolvePromise({ child, url: `http://127.0.0.1:${port}` });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;

/**
 * What a phone or deck does when its connection drops: try again with the shared backoff (shortened),
 * until the server is back, then send its hello (join or present) and resolve with the snapshot.
 */
async function reconnect(
  url: string,
  hello: Parameters<PollClient['request']>[0],
): Promise<{ client: PollClient; snapshot: Snapshot }> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const client = await PollClient.connect(url).catch(() => null);
    if (client) {
      const snapshot = await client.request(hello);
      if (snapshot.type !== 'snapshot') throw new Error(`no snapshot: ${JSON.stringify(snapshot)}`);
      return { client, snapshot };
    }
    const wait = reconnectDelay(attempt, Math.random, { baseMs: 20, maxMs: 250 });
    await new Promise((resolveWait) => setTimeout(resolveWait, wait));
  }
  throw new Error('the server did not come back');
}

/** Votes per option of the multiple-choice poll, counted from what the database holds. */
function countPicks(values: unknown[]): number[] {
  const counts = POLLS.multiple.options.map(() => 0);
  for (const value of values) {
    for (const pick of Array.isArray(value) ? value : []) counts[pick] = (counts[pick] ?? 0) + 1;
  }
  return counts;
}

describe('restart', () => {
  it('keeps every acknowledged vote when the process is killed mid-stream', async () => {
    const dataDir = makeDataDir();
    const distDir = makeDist();
    const first = await startProcess(dataDir, distDir);
    children.push(first.child);

    const { presenter, room, key } = await createRoom(first.url);
    await presenter.request({ type: 'show', poll: POLLS.scale.id });
    const phones = await Promise.all(Array.from({ length: 80 }, () => joinRoom(first.url, room)));

    // Every phone votes once, all at the same moment; the process is killed as soon as 40 acks are in.
    // (One vote each: with two, a second vote could be committed while its ack was still on the way.)
    const acked = new Map<string, number>();
    let kill: Promise<void> | null = null;
    const sent = phones.map(({ client, participant }, k) => {
      const value = (k % 5) + 1;
      return client
        .request({ type: 'vote', poll: POLLS.scale.id, value })
        .then((answer) => {
          if (answer.type !== 'ack') return;
          acked.set(participant, value);
          if (acked.size === 40) kill = killed(first.child);
        })
        .catch(() => {}); // in flight when the process died
    });
    await Promise.all(sent);
    await kill;
    expect(acked.size).toBeGreaterThanOrEqual(40);
    for (const { client } of phones) client.close();

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const stored = new Map(
      db
        .prepare<[], { participant: string; value: string }>('SELECT participant, value FROM votes')
        .all()
        .map((row) => [row.participant, Number(row.value)]),
    );
    db.close();
    for (const [participant, value] of acked) expect(stored.get(participant)).toBe(value);

    // The restarted server carries on with the same room and votes.
    const second = await startProcess(dataDir, distDir);
    children.push(second.child);
    const deck = await PollClient.connect(second.url);
    const snapshot = await deck.request({ type: 'present', room, key });
    expect(snapshot).toMatchObject({ type: 'snapshot', current: { poll: POLLS.scale.id, open: true } });
    const results = snapshot.type === 'snapshot' ? snapshot.results[0] : undefined;
    expect(results?.voters).toBe(stored.size);
    const again = await joinRoom(second.url, room);
    expect(outcome(await again.client.request({ type: 'vote', poll: POLLS.scale.id, value: 3 }))).toBe('ack');
    deck.close();
    again.client.close();
  });

  it('after a SIGKILL mid-vote, clients reconnect, get their own vote back, and results match the database', async () => {
    const dataDir = makeDataDir();
    const distDir = makeDist();
    const first = await startProcess(dataDir, distDir);
    children.push(first.child);
    const poll = POLLS.multiple.id;
    const { presenter, room, key } = await createRoom(first.url);
    expect(outcome(await presenter.request({ type: 'show', poll }))).toBe('ok');
    const phones = await Promise.all(
      Array.from({ length: 60 }, async (_, k) => {
        const { client, identity, participant } = await joinRoom(first.url, room);
        return { client, identity, participant, value: [k % 4, (k + 1) % 4] };
      }),
    );

    // Everyone votes at once; the process dies once half of the votes are acknowledged.
    const acked = new Map<string, number[]>();
    let kill: Promise<void> | null = null;
    const voting = phones.map(({ client, participant, value }) =>
      client
        .request({ type: 'vote', poll, value })
        .then((answer) => {
          if (answer.type !== 'ack') return;
          acked.set(participant, value);
          if (acked.size === 30) kill = killed(first.child);
        })
        .catch(() => {}),
    );
    // Every client notices the drop and starts reconnecting to the same address at once.
    const { port } = new URL(first.url);
    const back = {
      deck: presenter.closed.then(() => reconnect(first.url, { type: 'present', room, key })),
      // With the identity they were given: the server's secret survives the restart, so it is still valid.
      phones: phones.map(({ client, identity }) =>
        client.closed.then(() => reconnect(first.url, { type: 'join', room, identity })),
      ),
    };
    await Promise.all(voting);
    await kill;
    expect(acked.size).toBeGreaterThanOrEqual(30);

    // What the killed process left on disk: every acknowledged vote.
    const stored = new Map(
      storedVotes(join(dataDir, DATABASE_FILE), room, poll, 1).map((v) => [v.participant, v.value]),
    );
    for (const [participant, value] of acked) expect(stored.get(participant)).toEqual(value);

    // The same server, restarted on the same port and database.
    const second = await startProcess(dataDir, distDir, Number(port));
    children.push(second.child);
    expect(second.url).toBe(first.url);
    const deck = await back.deck;
    const rejoined = await Promise.all(back.phones);

    // Each phone gets a fresh snapshot with its own vote: acknowledged, or committed before its ack got out.
    for (const [k, { snapshot }] of rejoined.entries()) {
      const participant = phones[k]?.participant ?? '';
      expect(snapshot).toMatchObject({ role: 'participant', current: { poll, round: 1, open: true } });
      expect(snapshot.myVote).toEqual(stored.get(participant) ?? null);
      if (acked.has(participant)) expect(snapshot.myVote).toEqual(acked.get(participant));
    }
    // The presenter's results are the database's.
    expect(deck.snapshot.current).toMatchObject({ poll, round: 1, open: true });
    expect(deck.snapshot.results).toEqual([
      { poll, round: 1, voters: stored.size, results: { kind: 'counts', counts: countPicks([...stored.values()]) } },
    ]);

    // Phones without their vote back (the join page then shows no answer of theirs) vote again, and of the
    // others the first ten change their mind; the presenter's live results follow the database.
    const again = rejoined.map(({ client, snapshot }, k) => {
      const value = snapshot.myVote === null ? phones[k]?.value : k < 10 ? [3] : null;
      return value ? client.request({ type: 'vote', poll, value }) : null;
    });
    for (const answer of await Promise.all(again)) if (answer) expect(outcome(answer)).toBe('ack');
    const final = storedVotes(join(dataDir, DATABASE_FILE), room, poll, 1);
    expect(final).toHaveLength(phones.length);
    const counts = countPicks(final.map((vote) => vote.value));
    await deck.client.waitFor(
      (m) =>
        m.type === 'results' &&
        m.results.voters === phones.length &&
        m.results.results.kind === 'counts' &&
        m.results.results.counts.join() === counts.join(),
    );
    for (const { client } of [deck, ...rejoined]) client.close();
  });

  it('deletes rooms past the retention period when it starts', async () => {
    const dataDir = makeDataDir();
    const distDir = makeDist();
    const server = await startTestServer({ dataDir, distDir, retentionDays: 30 });
    const old = await createRoom(server.url);
    const fresh = await createRoom(server.url);
    await old.presenter.request({ type: 'show', poll: POLLS.single.id });
    const phone = await joinRoom(server.url, old.room);
    await phone.client.request({ type: 'vote', poll: POLLS.single.id, value: 1 });
    for (const client of [old.presenter, fresh.presenter, phone.client]) client.close();
    await server.close();

    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare('UPDATE rooms SET created_at = ? WHERE code = ?').run(Date.now() - 31 * 24 * 3600 * 1000, old.room);
    db.close();

    const restarted = await startTestServer({ dataDir, distDir, retentionDays: 30 });
    const deck = await PollClient.connect(restarted.url);
    expect(outcome(await deck.request({ type: 'present', room: old.room, key: old.key }))).toBe('unknown-room');
    expect(outcome(await deck.request({ type: 'present', room: fresh.room, key: fresh.key }))).toBe('snapshot');
    deck.close();
    await restarted.close();

    const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM votes WHERE room = ?').get(old.room)).toEqual({ n: 0 });
    check.close();
  });
});
