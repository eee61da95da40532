import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteExpiredRooms } from '../../src/server/retention.ts';
import { SqliteStore } from '../../src/server/store/SqliteStore.ts';
import { makeDataDir } from './helpers/tempServer.ts';

const DAY = 24 * 60 * 60 * 1000;

// What is SQLite's own: the file's mode and constraint, the rows the purge leaves, the round cache.
// What every store must do is in storeConformance.test.ts.
describe('SqliteStore', () => {
  let file: string;
  let store: SqliteStore;
  const vote = (participant: string, value: number | string, room = 'ROOM22', poll = 'kies-een') =>
    store.recordVote({ room, poll, participant, value, approved: true, at: Date.now() });

  beforeEach(async () => {
    file = join(makeDataDir(), 'polls.db');
    store = new SqliteStore(file);
    await store.createRoom({ code: 'ROOM22', keyHash: 'ab'.repeat(32), createdAt: Date.now() });
    await store.savePollState('ROOM22', { poll: 'kies-een', round: 1, open: true, revealed: true });
  });
  afterEach(() => store.close());

  it('puts the database file in WAL mode', () => {
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('has a UNIQUE constraint on room, poll, round and participant', () => {
    const db = new Database(file);
    const insert = db.prepare(
      "INSERT INTO votes (room, poll, round, participant, value, approved, created_at) VALUES ('ROOM22', 'kies-een', 1, 'p', '1', 1, 0)",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE constraint failed/);
    db.close();
  });

  it('deletes rooms past the retention period, with their polls and votes', async () => {
    const now = Date.now();
    await store.createRoom({ code: 'OUD222', keyHash: 'ef'.repeat(32), createdAt: now - 31 * DAY });
    await store.savePollState('OUD222', { poll: 'kies-een', round: 1, open: true, revealed: true });
    await vote('p', 1, 'OUD222');
    await vote('p', 1);

    expect(await deleteExpiredRooms(store, 30, now)).toEqual(['OUD222']);
    expect(await store.getRoom('OUD222')).toBeNull();
    expect(await store.getRoom('ROOM22')).not.toBeNull();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT count(*) AS n FROM votes WHERE room = 'OUD222'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM poll_state WHERE room = 'OUD222'").get()).toEqual({ n: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM votes WHERE room = 'ROOM22'").get()).toEqual({ n: 1 });
    db.close();
  });

  it('reads a round it read before (from memory) the same as a fresh store reads it from the file', async () => {
    const round = () => store.votesOfRound('ROOM22', 'kies-een', 1);
    await vote('deelnemer-a', 0);
    const early = await round();
    await store.recordVote({
      room: 'ROOM22',
      poll: 'kies-een',
      participant: 'deelnemer-b',
      value: [0, 1],
      approved: true,
      at: 0,
    });
    await vote('deelnemer-a', 2); // replaces the first vote, same id
    const answer = await store.recordVote({
      room: 'ROOM22',
      poll: 'kies-een',
      participant: 'deelnemer-c',
      value: 'een antwoord',
      approved: false,
      at: 0,
    });
    await store.setApproved('ROOM22', 'kies-een', answer?.id ?? -1, true);
    const other = await store.recordVote({
      room: 'ROOM22',
      poll: 'kies-een',
      participant: 'deelnemer-d',
      value: 'afgewezen',
      approved: false,
      at: 0,
    });
    await store.setApproved('ROOM22', 'kies-een', other?.id ?? -1, false);

    const fresh = new SqliteStore(file);
    expect(await round()).toEqual(await fresh.votesOfRound('ROOM22', 'kies-een', 1));
    await fresh.close();
    expect((await round()).map((v) => [v.value, v.approved, v.rejected])).toEqual([
      [2, true, false],
      [[0, 1], true, false],
      ['een antwoord', true, false],
      ['afgewezen', false, true],
    ]);
    expect(early.map((v) => v.value)).toEqual([0]); // what was handed out earlier stays as it was

    await store.createRoom({ code: 'OUD222', keyHash: 'ef'.repeat(32), createdAt: 0 });
    await store.savePollState('OUD222', { poll: 'kies-een', round: 1, open: true, revealed: true });
    await vote('p', 1, 'OUD222');
    expect(await store.votesOfRound('OUD222', 'kies-een', 1)).toHaveLength(1);
    await store.deleteRoomsCreatedBefore(1);
    expect(await store.votesOfRound('OUD222', 'kies-een', 1)).toEqual([]);
  });

  it('opens a database from before rejected answers (schema 5) with its votes, none of them rejected', async () => {
    const old = join(makeDataDir(), 'polls.db');
    const db = new Database(old);
    db.exec(`CREATE TABLE votes (id INTEGER PRIMARY KEY, room TEXT NOT NULL, poll TEXT NOT NULL,
      round INTEGER NOT NULL, participant TEXT NOT NULL, value TEXT NOT NULL CHECK (json_valid(value)),
      approved INTEGER NOT NULL CHECK (approved IN (0, 1)), created_at INTEGER NOT NULL,
      UNIQUE (room, poll, round, participant)) STRICT`);
    const insert = db.prepare('INSERT INTO votes VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run(1, 'OLD234', 'open-vraag', 1, 'p', '"goedgekeurd"', 1, 0);
    insert.run(2, 'OLD234', 'open-vraag', 1, 'q', '"wacht"', 0, 0);
    db.pragma('user_version = 5');
    db.close();
    const upgraded = new SqliteStore(old);
    try {
      const states = async () =>
        (await upgraded.votesOfRound('OLD234', 'open-vraag', 1)).map((v) => [v.value, v.approved, v.rejected]);
      expect(await states()).toEqual([
        ['goedgekeurd', true, false],
        ['wacht', false, false],
      ]);
      expect(await upgraded.setApproved('OLD234', 'open-vraag', 2, false)).toBe(true);
      expect(await states()).toEqual([
        ['goedgekeurd', true, false],
        ['wacht', false, true],
      ]);
    } finally {
      await upgraded.close();
    }
    const reread = new Database(old, { readonly: true });
    expect(reread.pragma('user_version', { simple: true })).toBe(6);
    reread.close();
  });
});
