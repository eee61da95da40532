import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashKey } from '../../src/server/roomCredentials.ts';
import { CLOSE_REMOTE_REPLACED } from '../../src/server/remoteLink.ts';
import { DATABASE_FILE } from '../../src/server/pollBackend.ts';
import type { RunningServer } from '../../src/server/startServer.ts';
import { SqliteStore } from '../../src/server/store/SqliteStore.ts';
import type { ServerMessage } from '../../src/shared/protocol.ts';
import { createRoom, joinRoom, outcome, type PresenterRoom } from './helpers/rooms.ts';
import { makeDataDir, startTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { POLLS } from './helpers/testDeck.ts';

// The remote-control link carries a token of its own: it gives the remote the presenter's rights and
// the export, never the room key, and the deck can replace it, which cuts off the remotes of the old one.

let server: RunningServer;
let dataDir: string;
let room: PresenterRoom;
const clients: PollClient[] = [];

beforeAll(async () => {
  dataDir = makeDataDir();
  server = await startTestServer({ dataDir });
  room = await createRoom(server.url);
  clients.push(room.presenter);
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

async function connect(): Promise<PollClient> {
  const client = await PollClient.connect(server.url);
  clients.push(client);
  return client;
}

async function newToken(presenter = room.presenter): Promise<string> {
  const answer = await presenter.request({ type: 'new-remote-link' });
  if (answer.type !== 'remote-link') throw new Error(JSON.stringify(answer));
  expect(answer.room).toBe(room.room);
  // The link is made of room and token: the room key is nowhere in the answer.
  expect(JSON.stringify(answer)).not.toContain(room.key);
  return answer.token;
}

async function remote(token: string): Promise<{ client: PollClient; answer: ServerMessage }> {
  const client = await connect();
  return { client, answer: await client.request({ type: 'present', room: room.room, key: token }) };
}

const exportStatus = async (secret: string): Promise<number> =>
  (
    await fetch(`${server.url}/api/rooms/${room.room}/results.csv`, {
      headers: { Authorization: `Bearer ${secret}` },
    })
  ).status;

describe('the remote-control token', () => {
  it('is its own secret: not the key, as strong, and stored only as a hash', async () => {
    const token = await newToken();
    expect(token).not.toBe(room.key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const row = db.prepare('SELECT remote_hash FROM rooms WHERE code = ?').get(room.room) as { remote_hash: string };
    db.close();
    expect(row.remote_hash).toBe(hashKey(token));
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) {
      expect(readFileSync(join(dataDir, file)).includes(token)).toBe(false);
    }
  });

  it('gives the remote the presenter rights and the export', async () => {
    const token = await newToken();
    const { client, answer } = await remote(token);
    expect(answer).toMatchObject({ type: 'snapshot', role: 'presenter', room: room.room });
    expect(outcome(await client.request({ type: 'show', poll: POLLS.single.id }))).toBe('ok');
    expect(outcome(await client.request({ type: 'close', poll: POLLS.single.id }))).toBe('ok');
    expect(outcome(await client.request({ type: 'open', poll: POLLS.single.id }))).toBe('ok');
    expect(await exportStatus(token)).toBe(200);
  });

  it('cannot make a remote link itself, nor does a participant or a stranger', async () => {
    const { client } = await remote(await newToken());
    expect(await client.request({ type: 'new-remote-link' })).toMatchObject({ type: 'error', code: 'not-presenter' });
    const { client: phone } = await joinRoom(server.url, room.room);
    clients.push(phone);
    expect(outcome(await phone.request({ type: 'new-remote-link' }))).toBe('not-presenter');
    expect(outcome(await (await connect()).request({ type: 'new-remote-link' }))).toBe('not-presenter');
  });

  it('stops working when the deck makes a new link: its remotes are cut off and refused', async () => {
    const old = await newToken();
    const { client: oldRemote } = await remote(old);
    const fresh = await newToken();
    expect((await oldRemote.closed).code).toBe(CLOSE_REMOTE_REPLACED);
    expect(outcome((await remote(old)).answer)).toBe('not-presenter');
    expect(await exportStatus(old)).toBe(401);
    expect(outcome((await remote(fresh)).answer)).toBe('snapshot');
    expect(await exportStatus(fresh)).toBe(200);
    // The deck with the key is not touched by it.
    expect(outcome(await room.presenter.request({ type: 'show', poll: null }))).toBe('ok');
  });

  it('survives a server restart, the old one still refused', async () => {
    const old = await newToken();
    const token = await newToken();
    await server.close();
    server = await startTestServer({ dataDir });
    expect(outcome((await remote(token)).answer)).toBe('snapshot');
    expect(outcome((await remote(old)).answer)).toBe('not-presenter');
    const deck = await connect();
    expect(outcome(await deck.request({ type: 'present', room: room.room, key: room.key }))).toBe('snapshot');
    room = { ...room, presenter: deck };
  });
});

describe('a database from before the remote token and the stored countdown', () => {
  it('opens with its rooms, and takes a remote token and a countdown', async () => {
    const file = join(makeDataDir(), DATABASE_FILE);
    const old = new Database(file);
    old.exec(`CREATE TABLE rooms (code TEXT PRIMARY KEY, key_hash TEXT NOT NULL, created_at INTEGER NOT NULL,
      current_poll TEXT) STRICT`);
    old.prepare('INSERT INTO rooms VALUES (?, ?, ?, ?)').run('OLD234', 'ab'.repeat(32), 1, 'kies-een');
    old.pragma('user_version = 1');
    old.close();
    const store = new SqliteStore(file);
    try {
      expect(await store.getRoom('OLD234')).toEqual({
        code: 'OLD234',
        keyHash: 'ab'.repeat(32),
        createdAt: 1,
        currentPoll: 'kies-een',
        remoteHash: null,
        timer: null,
        view: null,
        peakParticipants: 0,
      });
      await store.setRemoteHash('OLD234', 'cd'.repeat(32));
      expect((await store.getRoom('OLD234'))?.remoteHash).toBe('cd'.repeat(32));
      const timer = { state: { exercise: 'casus', seconds: 60, remainingMs: 60_000, running: false }, setAt: 5 };
      await store.saveTimer('OLD234', timer);
      expect((await store.getRoom('OLD234'))?.timer).toEqual(timer);
      const view = { slide: { h: 2, v: 1 }, black: true, at: 9 };
      await store.saveView('OLD234', view);
      expect((await store.getRoom('OLD234'))?.view).toEqual(view);
    } finally {
      await store.close();
    }
  });
});
