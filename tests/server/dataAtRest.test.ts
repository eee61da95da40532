import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_FILE } from '../../src/server/pollBackend.ts';
import { SqliteStore } from '../../src/server/store/SqliteStore.ts';
import { createRoom, joinRoom } from './helpers/rooms.ts';
import { makeDataDir, startTestServer } from './helpers/tempServer.ts';
import { POLLS } from './helpers/testDeck.ts';

// What the server leaves on the disk: files only its owner may read, and nothing of a purged room.

const DAY_MS = 24 * 60 * 60 * 1000;
const mode = (path: string) => statSync(path).mode & 0o777;
const COMPANIONS = ['', '-wal', '-shm'];

afterEach(() => {
  vi.useRealTimers();
});

describe('file modes', () => {
  it('makes the data folder 0700 and the database files 0600', async () => {
    const dataDir = join(makeDataDir(), 'nieuw');
    const server = await startTestServer({ dataDir });
    try {
      const { presenter } = await createRoom(server.url);
      presenter.close();
      expect(mode(dataDir)).toBe(0o700);
      for (const suffix of COMPANIONS) expect(mode(join(dataDir, DATABASE_FILE + suffix))).toBe(0o600);
    } finally {
      await server.close();
    }
  });

  it('narrows the modes of a data folder and files that an older version left wider', async () => {
    const dataDir = join(makeDataDir(), 'oud');
    mkdirSync(dataDir, { mode: 0o755 });
    const file = join(dataDir, DATABASE_FILE);
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE oud (x)');
    // The -wal and -shm files stay when the process ends without closing (a crash).
    for (const suffix of COMPANIONS) chmodSync(file + suffix, 0o644);
    chmodSync(dataDir, 0o755);

    const server = await startTestServer({ dataDir });
    try {
      expect(mode(dataDir)).toBe(0o700);
      for (const suffix of COMPANIONS) expect(mode(file + suffix)).toBe(0o600);
    } finally {
      await server.close();
      old.close();
    }
  });
});

describe('the retention purge', () => {
  /** The database file and its WAL, as bytes: what anyone who gets hold of the disk can read. */
  const onDisk = (dataDir: string) =>
    Buffer.concat(
      ['', '-wal']
        .map((suffix) => join(dataDir, DATABASE_FILE + suffix))
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path)),
    );

  it('leaves no trace of a purged answer in the database or its WAL', async () => {
    const dataDir = makeDataDir();
    const answer = `Zeldzaam antwoord ${randomBytes(8).toString('hex')}`;
    const first = await startTestServer({ dataDir, retentionDays: 30 });
    const { presenter, room } = await createRoom(first.url);
    await presenter.request({ type: 'show', poll: POLLS.open.id });
    const phone = await joinRoom(first.url, room);
    expect((await phone.client.request({ type: 'vote', poll: POLLS.open.id, value: answer })).type).toBe('ack');
    expect(onDisk(dataDir).includes(answer)).toBe(true);
    phone.client.close();
    presenter.close();
    await first.close();
    expect(onDisk(dataDir).includes(answer)).toBe(true);

    // A month later: the purge at start deletes the room, and with it every copy of the answer.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 31 * DAY_MS });
    const second = await startTestServer({ dataDir, retentionDays: 30 });
    try {
      expect(onDisk(dataDir).includes(answer)).toBe(false);
      expect(await fetch(`${second.url}/api/rooms/${room}/results.json`).then((r) => r.status)).toBe(401);
    } finally {
      await second.close();
    }
    expect(onDisk(dataDir).includes(answer)).toBe(false);
  });
});

describe('SQLITE_SYNC', () => {
  /** SQLite's `synchronous` of the store's connection: 1 is NORMAL, 2 is FULL. */
  const synchronous = (store: SqliteStore) =>
    (store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true });

  it('syncs NORMAL by default and FULL when asked', async () => {
    const dir = makeDataDir();
    const normal = new SqliteStore(join(dir, 'normal.db'));
    const full = new SqliteStore(join(dir, 'full.db'), { synchronous: 'full' });
    expect([synchronous(normal), synchronous(full)]).toEqual([1, 2]);
    await normal.close();
    await full.close();
  });
});
