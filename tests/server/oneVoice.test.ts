import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer.ts';
import type { ServerMessage } from '../../src/shared/protocol.ts';
import { storedVotes } from './helpers/dbDump.ts';
import { createRoom, joinRoom, outcome, participantOf } from './helpers/rooms.ts';
import { makeDataDir, startTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { POLLS } from './helpers/testDeck.ts';
import { DATABASE_FILE } from '../../src/server/pollBackend.ts';
import { join } from 'node:path';

// One person, one voice: the server issues each participant's identity, signed for one room; one
// connection is one participant (or one presenter) in one room; a connection cannot ask for
// snapshots faster than its snapshot budget allows.

let server: RunningServer;
let dataDir: string;
const clients: PollClient[] = [];
/** The budgets' clock: it stands still unless a test moves it, so no budget refills by itself. */
let clock = Date.now();

beforeAll(async () => {
  dataDir = makeDataDir();
  server = await startTestServer({ dataDir, now: () => clock });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

const track = <T extends { client: PollClient }>(value: T): T => {
  clients.push(value.client);
  return value;
};
const connect = async () => {
  const client = await PollClient.connect(server.url);
  clients.push(client);
  return client;
};
type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;
const IDENTITY = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;

/** The identity with one character of its tag changed. */
const tampered = (identity: string) => identity.slice(0, -1) + (identity.endsWith('A') ? 'B' : 'A');

describe('server-issued identities', () => {
  it('gives a new participant an identity, and the same participant back when it is presented again', async () => {
    const { presenter, room } = await createRoom(server.url);
    clients.push(presenter);
    await presenter.request({ type: 'show', poll: POLLS.single.id });
    const first = track(await joinRoom(server.url, room));
    expect(first.identity).toMatch(IDENTITY);
    expect(outcome(await first.client.request({ type: 'vote', poll: POLLS.single.id, value: 2 }))).toBe('ack');
    // The vote is stored under the id part of the identity.
    const stored = storedVotes(join(dataDir, DATABASE_FILE), room, POLLS.single.id, 1);
    expect(stored).toEqual([{ participant: participantOf(first.identity), value: 2 }]);
    first.client.close();

    const again = track(await joinRoom(server.url, room, first.identity));
    expect(again.identity).toBe(first.identity);
    expect(again.snapshot.myVote).toBe(2);
    // A second phone is someone else.
    const other = track(await joinRoom(server.url, room));
    expect(other.identity).not.toBe(first.identity);
    expect(other.snapshot.myVote).toBeNull();
  });

  it('refuses identities it did not issue for this room: forged, tampered with, or from another room', async () => {
    const a = await createRoom(server.url);
    const b = await createRoom(server.url);
    clients.push(a.presenter, b.presenter);
    const phone = track(await joinRoom(server.url, a.room));
    const identities = {
      tampered: tampered(phone.identity),
      'made up': `${'x'.repeat(22)}.${'y'.repeat(22)}`,
      'another room': phone.identity,
    };
    for (const [kind, identity] of Object.entries(identities)) {
      const client = await connect();
      const room = kind === 'another room' ? b.room : a.room;
      expect(outcome(await client.request({ type: 'join', room, identity })), kind).toBe('bad-identity');
      // Refused, the connection can still join as a new participant.
      const fresh = (await client.request({ type: 'join', room })) as Snapshot;
      expect(fresh.identity).toMatch(IDENTITY);
      expect(fresh.identity).not.toBe(phone.identity);
    }
  });

  it('keeps identities valid across a restart on the same data folder', async () => {
    const restartDir = makeDataDir();
    const before = await startTestServer({ dataDir: restartDir });
    const { presenter, room } = await createRoom(before.url);
    await presenter.request({ type: 'show', poll: POLLS.scale.id });
    const phone = await joinRoom(before.url, room);
    expect(outcome(await phone.client.request({ type: 'vote', poll: POLLS.scale.id, value: 4 }))).toBe('ack');
    await before.close();

    const after = await startTestServer({ dataDir: restartDir });
    try {
      const again = await joinRoom(after.url, room, phone.identity);
      expect(again.snapshot.myVote).toBe(4);
      again.client.close();
    } finally {
      await after.close();
    }
  });
});

describe('one connection is one participant', () => {
  it('refuses a second join as someone else on the same socket, and keeps the first membership', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    const other = await createRoom(server.url);
    clients.push(presenter, other.presenter);
    await presenter.request({ type: 'show', poll: POLLS.single.id });
    const phone = track(await joinRoom(server.url, room));
    const neighbour = track(await joinRoom(server.url, room));
    const otherRoomPhone = track(await joinRoom(server.url, other.room));

    const attempts = {
      'a new participant': { type: 'join', room },
      "another phone's identity": { type: 'join', room, identity: neighbour.identity },
      'another room': { type: 'join', room: other.room },
      'another room with its identity': { type: 'join', room: other.room, identity: otherRoomPhone.identity },
      'the presenter': { type: 'present', room, key },
    } as const;
    for (const [kind, attempt] of Object.entries(attempts)) {
      expect(outcome(await phone.client.request(attempt)), kind).toBe('already-joined');
    }
    // The same room with the same identity is a resync: a fresh snapshot.
    const resync = (await phone.client.request({ type: 'join', room, identity: phone.identity })) as Snapshot;
    expect(resync).toMatchObject({ type: 'snapshot', role: 'participant', identity: phone.identity });

    // Still the first participant: the vote is stored under its id, and the room counts two people.
    expect(outcome(await phone.client.request({ type: 'vote', poll: POLLS.single.id, value: 1 }))).toBe('ack');
    const stored = storedVotes(join(dataDir, DATABASE_FILE), room, POLLS.single.id, 1);
    expect(stored).toEqual([{ participant: phone.participant, value: 1 }]);
    expect(outcome(await phone.client.request({ type: 'show', poll: null }))).toBe('not-presenter');
    const deck = await connect();
    expect(await deck.request({ type: 'present', room, key })).toMatchObject({ type: 'snapshot', participants: 2 });
  });

  it('keeps a presenter connection a presenter of its one room', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    const other = await createRoom(server.url);
    clients.push(presenter, other.presenter);
    expect(outcome(await presenter.request({ type: 'join', room }))).toBe('already-joined');
    expect(outcome(await presenter.request({ type: 'present', room: other.room, key: other.key }))).toBe(
      'already-joined',
    );
    expect(await presenter.request({ type: 'present', room, key })).toMatchObject({ type: 'snapshot', room });
    expect(outcome(await presenter.request({ type: 'show', poll: POLLS.single.id }))).toBe('ok');
  });
});

describe('snapshots', () => {
  it('are limited per connection: repeated joins or presents get rate-limited, not a snapshot each', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    clients.push(presenter);
    const phone = track(await joinRoom(server.url, room));
    const answers: string[] = [];
    for (let k = 0; k < 8; k++) {
      answers.push(outcome(await phone.client.request({ type: 'join', room, identity: phone.identity })));
    }
    // Five per connection, the join that made the phone a participant included.
    expect(answers).toEqual([...Array(4).fill('snapshot'), ...Array(4).fill('rate-limited')]);
    // The presenter's first snapshot came with createRoom.
    const presents: string[] = [];
    for (let k = 0; k < 6; k++) presents.push(outcome(await presenter.request({ type: 'present', room, key })));
    expect(presents).toEqual([...Array(4).fill('snapshot'), ...Array(2).fill('rate-limited')]);

    // The budget refills with time (one snapshot every two seconds); the connection was never cut.
    clock += 2000;
    expect(outcome(await phone.client.request({ type: 'join', room, identity: phone.identity }))).toBe('snapshot');
    expect(outcome(await phone.client.request({ type: 'join', room, identity: phone.identity }))).toBe('rate-limited');
  });
});
