import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteExpiredRooms } from '../../src/server/retention.ts';
import { PostgresStore } from '../../src/server/store/PostgresStore.ts';
import { MIGRATIONS } from '../../src/server/store/postgresMigrations.ts';
import { SqliteStore } from '../../src/server/store/SqliteStore.ts';
import { MAX_PLAN_PARTS, type Store } from '../../src/server/store/Store.ts';
import { describeWithPostgres, freshDatabase, postgresUrl } from '../helpers/postgres.ts';
import { makeDataDir } from './helpers/tempServer.ts';

// One suite for every store: what the poll server relies on holds on SQLite and on PostgreSQL alike.

const DAY = 24 * 60 * 60 * 1000;

interface StoreMaker {
  /** A store on a new, empty database. */
  fresh(): Promise<Store>;
  /** A second store on the same database, as a restarted server (or another instance) opens it. */
  again(): Promise<Store>;
}

const sqlite = (): StoreMaker => {
  let file = '';
  return {
    async fresh() {
      file = join(makeDataDir(), 'polls.db');
      return new SqliteStore(file);
    },
    async again() {
      return new SqliteStore(file);
    },
  };
};

const postgres = (): StoreMaker => {
  let url = '';
  return {
    async fresh() {
      url = await freshDatabase();
      return PostgresStore.open(url);
    },
    async again() {
      return PostgresStore.open(url);
    },
  };
};

function conformance(make: () => StoreMaker): void {
  let maker: StoreMaker;
  let store: Store;
  const opened: Store[] = [];
  const vote = (participant: string, value: number | string, room = 'ROOM22', poll = 'kies-een') =>
    store.recordVote({ room, poll, participant, value, approved: true, at: Date.now() });

  beforeEach(async () => {
    maker = make();
    store = await maker.fresh();
    opened.push(store);
    await store.createRoom({ code: 'ROOM22', keyHash: 'ab'.repeat(32), createdAt: Date.now() });
    await store.savePollState('ROOM22', { poll: 'kies-een', round: 1, open: true, revealed: true });
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  const reopen = async (): Promise<Store> => {
    const other = await maker.again();
    opened.push(other);
    return other;
  };

  it('keeps a room, refuses a second one with the same code, and remembers the poll on screen', async () => {
    expect(await store.createRoom({ code: 'ROOM22', keyHash: 'cd'.repeat(32), createdAt: 0 })).toBe(false);
    await store.setCurrentPoll('ROOM22', 'kies-een');
    const room = await (await reopen()).getRoom('ROOM22');
    expect(room).toMatchObject({ code: 'ROOM22', keyHash: 'ab'.repeat(32), currentPoll: 'kies-een' });
    expect(await store.getRoom('NIEMAND')).toBeNull();
  });

  it('keeps the remote-control token hash until it is replaced', async () => {
    expect((await store.getRoom('ROOM22'))?.remoteHash).toBeNull();
    await store.setRemoteHash('ROOM22', 'cd'.repeat(32));
    await store.setRemoteHash('ROOM22', 'ef'.repeat(32));
    expect((await (await reopen()).getRoom('ROOM22'))?.remoteHash).toBe('ef'.repeat(32));
  });

  it('keeps the countdown with the moment it was set, and forgets it when it is cleared', async () => {
    const timer = { state: { exercise: 'casus', seconds: 600, remainingMs: 420_000, running: true }, setAt: 1234 };
    await store.saveTimer('ROOM22', timer);
    expect((await (await reopen()).getRoom('ROOM22'))?.timer).toEqual(timer);
    await store.saveTimer('ROOM22', null);
    expect((await (await reopen()).getRoom('ROOM22'))?.timer).toBeNull();
  });

  it('keeps where the audience view stands', async () => {
    expect((await store.getRoom('ROOM22'))?.view).toBeNull();
    const view = { slide: { h: 12, v: 2 }, black: true, at: 1_790_000_000_000 };
    await store.saveView('ROOM22', view);
    expect((await (await reopen()).getRoom('ROOM22'))?.view).toEqual(view);
  });

  it('keeps each poll state, and a new round replaces the old state', async () => {
    await store.savePollState('ROOM22', { poll: 'ander', round: 1, open: false, revealed: false });
    await store.savePollState('ROOM22', { poll: 'kies-een', round: 2, open: true, revealed: false });
    const states = await (await reopen()).pollStates('ROOM22');
    expect([...states].sort((a, b) => a.poll.localeCompare(b.poll))).toEqual([
      { poll: 'ander', round: 1, open: false, revealed: false },
      { poll: 'kies-een', round: 2, open: true, revealed: false },
    ]);
  });

  it('replaces a second vote of the same participant in the same round, keeping its id', async () => {
    const first = await vote('deelnemer-a', 0);
    await vote('deelnemer-b', 1);
    const second = await vote('deelnemer-a', 2);
    expect(second).toEqual(first);
    expect((await store.votesOfRound('ROOM22', 'kies-een', 1)).map((v) => v.value)).toEqual([2, 1]);
    expect(await store.voteOf('ROOM22', 'kies-een', 1, 'deelnemer-a')).toBe(2);
    expect(await store.voteOf('ROOM22', 'kies-een', 1, 'niemand')).toBeNull();
  });

  it('keeps one vote per participant when the same participant votes many times at once', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, k) => vote('deelnemer-a', k % 4)));
    expect(new Set(results.map((r) => r?.id)).size).toBe(1);
    expect(await (await reopen()).votesOfRound('ROOM22', 'kies-een', 1)).toHaveLength(1);
  });

  it('stores a vote only while the poll is open, in its current round', async () => {
    expect(await vote('deelnemer-a', 1, 'ROOM22', 'onbekend')).toBeNull();
    await store.savePollState('ROOM22', { poll: 'kies-een', round: 1, open: false, revealed: true });
    expect(await vote('deelnemer-a', 1)).toBeNull();
    await store.savePollState('ROOM22', { poll: 'kies-een', round: 2, open: true, revealed: true });
    expect(await vote('deelnemer-a', 1)).toMatchObject({ round: 2 });
    expect(await store.votesOfRound('ROOM22', 'kies-een', 1)).toEqual([]);
  });

  it('keeps every kind of vote value as it was sent', async () => {
    const values = [3, [0, 2], 'een antwoord', { group: 'Groep 1', text: 'Ons idee' }, [2, 0, 1]];
    for (const [k, value] of values.entries()) {
      await store.recordVote({ room: 'ROOM22', poll: 'kies-een', participant: `p${k}`, value, approved: true, at: 0 });
    }
    expect((await (await reopen()).votesOfRound('ROOM22', 'kies-een', 1)).map((v) => v.value)).toEqual(values);
  });

  it('approves an open answer of the right room and poll only', async () => {
    const recorded = await store.recordVote({
      room: 'ROOM22',
      poll: 'kies-een',
      participant: 'p',
      value: 'tekst',
      approved: false,
      at: 0,
    });
    const id = recorded?.id ?? -1;
    expect(await store.setApproved('ROOM22', 'andere-poll', id, true)).toBe(false);
    expect(await store.setApproved('ROOM22', 'kies-een', id + 100, true)).toBe(false);
    expect(await store.setApproved('ROOM22', 'kies-een', id, true)).toBe(true);
    expect((await (await reopen()).votesOfRound('ROOM22', 'kies-een', 1))[0]?.approved).toBe(true);
  });

  it('rejects an answer, waiting or approved, until a new answer of the participant waits again', async () => {
    const answer = (participant: string, value: string) =>
      store.recordVote({ room: 'ROOM22', poll: 'kies-een', participant, value, approved: false, at: 0 });
    const waiting = (await answer('p', 'eerste'))?.id ?? -1;
    const approved = (await answer('q', 'tweede'))?.id ?? -1;
    await answer('r', 'derde');
    expect(await store.setApproved('ROOM22', 'kies-een', approved, true)).toBe(true);
    expect(await store.setApproved('ROOM22', 'kies-een', waiting, false)).toBe(true);
    expect(await store.setApproved('ROOM22', 'kies-een', approved, false)).toBe(true);
    const states = (votes: { value: unknown; approved: boolean; rejected?: boolean }[]) =>
      votes.map((v) => [v.value, v.approved, v.rejected]);
    const expected = [
      ['eerste', false, true],
      ['tweede', false, true],
      ['derde', false, false],
    ];
    expect(states(await store.votesOfRound('ROOM22', 'kies-een', 1))).toEqual(expected);
    const again = await reopen();
    expect(states(await again.votesOfRound('ROOM22', 'kies-een', 1))).toEqual(expected);
    expect(states(await again.exportVotes('ROOM22'))).toEqual(expected);
    expect(await again.countVoters('ROOM22')).toBe(3);

    await answer('p', 'opnieuw');
    expect(states(await store.votesOfRound('ROOM22', 'kies-een', 1))[0]).toEqual(['opnieuw', false, false]);
    expect(states(await (await reopen()).votesOfRound('ROOM22', 'kies-een', 1))[0]).toEqual(['opnieuw', false, false]);
  });

  it('exports every vote of a room by poll, round and age', async () => {
    await vote('a', 1);
    await store.savePollState('ROOM22', { poll: 'kies-een', round: 2, open: true, revealed: true });
    await vote('a', 2);
    await vote('b', 0);
    expect((await store.exportVotes('ROOM22')).map((v) => [v.poll, v.round, v.value])).toEqual([
      ['kies-een', 1, 1],
      ['kies-een', 2, 2],
      ['kies-een', 2, 0],
    ]);
  });

  it('counts the participants who voted at least once, in any poll or round', async () => {
    expect(await store.countVoters('ROOM22')).toBe(0);
    await vote('a', 1);
    await vote('a', 2);
    await vote('b', 0);
    await store.savePollState('ROOM22', { poll: 'kies-een', round: 2, open: true, revealed: true });
    await vote('a', 1);
    await vote('c', 1);
    expect(await store.countVoters('ROOM22')).toBe(3);
    expect(await store.countVoters('NIEMAND')).toBe(0);
  });

  it('keeps the highest number of participants connected at once', async () => {
    expect((await store.getRoom('ROOM22'))?.peakParticipants).toBe(0);
    await store.noteParticipants('ROOM22', 4);
    await store.noteParticipants('ROOM22', 2);
    expect((await (await reopen()).getRoom('ROOM22'))?.peakParticipants).toBe(4);
    await store.noteParticipants('ROOM22', 7);
    expect((await store.getRoom('ROOM22'))?.peakParticipants).toBe(7);
  });

  it('records the plan parts as they start, once per change of part, and a bounded number of them', async () => {
    await store.recordPlanPart('ROOM22', { plan: 'dagdeel', part: 'slide-welkom', at: 1000 });
    await store.recordPlanPart('ROOM22', { plan: 'dagdeel', part: 'slide-welkom', at: 2000 });
    await store.recordPlanPart('ROOM22', { plan: 'dagdeel', part: 'block-3', at: 3000 });
    await store.recordPlanPart('ROOM22', { plan: 'dagdeel', part: 'slide-welkom', at: 4000 });
    await store.recordPlanPart('NIEMAND', { plan: 'dagdeel', part: 'block-3', at: 5000 });
    expect(await (await reopen()).planParts('ROOM22')).toEqual([
      { plan: 'dagdeel', part: 'slide-welkom', at: 1000 },
      { plan: 'dagdeel', part: 'block-3', at: 3000 },
      { plan: 'dagdeel', part: 'slide-welkom', at: 4000 },
    ]);
    expect(await store.planParts('NIEMAND')).toEqual([]);
    for (let k = 0; k < MAX_PLAN_PARTS; k++) {
      await store.recordPlanPart('ROOM22', { plan: 'dagdeel', part: k % 2 ? 'block-1' : 'block-2', at: 5000 + k });
    }
    expect(await store.planParts('ROOM22')).toHaveLength(MAX_PLAN_PARTS);
  });

  it('deletes rooms past the retention period, with their polls and votes', async () => {
    const now = Date.now();
    await store.createRoom({ code: 'OUD222', keyHash: 'ef'.repeat(32), createdAt: now - 31 * DAY });
    await store.savePollState('OUD222', { poll: 'kies-een', round: 1, open: true, revealed: true });
    await vote('p', 1, 'OUD222');
    await vote('p', 1);
    await store.recordPlanPart('OUD222', { plan: 'dagdeel', part: 'block-3', at: now });

    expect(await deleteExpiredRooms(store, 30, now)).toEqual(['OUD222']);
    const other = await reopen();
    expect(await other.getRoom('OUD222')).toBeNull();
    expect(await other.exportVotes('OUD222')).toEqual([]);
    expect(await other.pollStates('OUD222')).toEqual([]);
    expect(await other.planParts('OUD222')).toEqual([]);
    expect(await other.exportVotes('ROOM22')).toHaveLength(1);
  });
}

describe('SqliteStore', () => conformance(sqlite));

describeWithPostgres('PostgresStore', () => {
  conformance(postgres);

  it('has a UNIQUE constraint on room, poll, round and participant', async () => {
    const url = await freshDatabase();
    const store = await PostgresStore.open(url);
    await store.createRoom({ code: 'ROOM22', keyHash: 'ab'.repeat(32), createdAt: 0 });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const insert = () =>
      client.query(
        "INSERT INTO votes (room, poll, round, participant, value, approved, created_at) VALUES ('ROOM22', 'kies-een', 1, 'p', '1', true, 0)",
      );
    await insert();
    await expect(insert()).rejects.toThrow(/duplicate key value violates unique constraint/);
    await client.end();
    await store.close();
  });

  it('applies its migrations once, also when two instances start at the same moment', async () => {
    const url = await freshDatabase();
    const stores = await Promise.all([PostgresStore.open(url), PostgresStore.open(url), PostgresStore.open(url)]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    await client.end();
    await Promise.all(stores.map((s) => s.close()));
  });

  describe('a round read again gives the stored rows, with other writers about', () => {
    let url: string;
    let reader: PostgresStore;
    let writer: PostgresStore;
    const choice = (store: PostgresStore, participant: string, value: number) =>
      store.recordVote({ room: 'ROOM22', poll: 'kies-een', participant, value, approved: false, at: 0 });
    const values = async () =>
      (await reader.votesOfRound('ROOM22', 'kies-een', 1)).map(({ value, approved }) => ({ value, approved }));

    beforeEach(async () => {
      url = await freshDatabase();
      reader = await PostgresStore.open(url);
      writer = await PostgresStore.open(url);
      await reader.createRoom({ code: 'ROOM22', keyHash: 'ab'.repeat(32), createdAt: 1000 });
      await reader.savePollState('ROOM22', { poll: 'kies-een', round: 1, open: true, revealed: false });
    });
    afterEach(async () => {
      await Promise.all([reader.close(), writer.close()]);
    });

    it("has another instance's new votes, replacements and approvals", async () => {
      await choice(writer, 'a', 0);
      expect(await values()).toEqual([{ value: 0, approved: false }]);
      await choice(writer, 'b', 1);
      const replaced = await choice(writer, 'a', 2);
      expect(await values()).toEqual([
        { value: 2, approved: false },
        { value: 1, approved: false },
      ]);
      expect(await writer.setApproved('ROOM22', 'kies-een', replaced?.id ?? 0, true)).toBe(true);
      expect(await values()).toEqual([
        { value: 2, approved: true },
        { value: 1, approved: false },
      ]);
    });

    // A transaction's id comes with its first write, its rows show with its commit: a read in between
    // must leave them to the next read.
    const lateWriter = async () => {
      const late = new pg.Client({ connectionString: url });
      await late.connect();
      await late.query('BEGIN');
      return late;
    };

    it('has a new vote whose transaction began before a read and committed after it, in id order', async () => {
      const late = await lateWriter();
      await late.query(
        "INSERT INTO votes (room, poll, round, participant, value, approved, created_at) VALUES ('ROOM22', 'kies-een', 1, 'laat', '7', false, 0)",
      );
      await choice(writer, 'vroeg', 1);
      expect(await values()).toEqual([{ value: 1, approved: false }]);
      await late.query('COMMIT');
      await late.end();
      expect(await values()).toEqual([
        { value: 7, approved: false },
        { value: 1, approved: false },
      ]);
    });

    it('has a replacement whose transaction began before a read and committed after it', async () => {
      await choice(writer, 'a', 0);
      expect(await values()).toEqual([{ value: 0, approved: false }]);
      const late = await lateWriter();
      await late.query(
        "UPDATE votes SET value = '7', changed_xid = pg_current_xact_id() WHERE room = 'ROOM22' AND participant = 'a'",
      );
      await choice(writer, 'b', 1);
      expect(await values()).toEqual([
        { value: 0, approved: false },
        { value: 1, approved: false },
      ]);
      await late.query('COMMIT');
      await late.end();
      expect(await values()).toEqual([
        { value: 7, approved: false },
        { value: 1, approved: false },
      ]);
    });

    it('forgets the votes of a room another instance deleted, also when a room of that code is made again', async () => {
      await choice(writer, 'a', 0);
      await choice(writer, 'b', 1);
      expect(await values()).toHaveLength(2);
      expect(await writer.deleteRoomsCreatedBefore(2000)).toEqual(['ROOM22']);
      expect(await values()).toEqual([]);
      await writer.createRoom({ code: 'ROOM22', keyHash: 'cd'.repeat(32), createdAt: 3000 });
      await writer.savePollState('ROOM22', { poll: 'kies-een', round: 1, open: true, revealed: false });
      await choice(writer, 'c', 2);
      expect(await values()).toEqual([{ value: 2, approved: false }]);
    });

    it('gives each of several reads at once every vote committed before it began', async () => {
      const reads: Promise<unknown>[] = [];
      for (let k = 0; k < 20; k++) {
        await choice(writer, `p${k}`, k % 3);
        reads.push(
          reader.votesOfRound('ROOM22', 'kies-een', 1).then((votes) => expect(votes.length).toBeGreaterThan(k)),
        );
      }
      await Promise.all(reads);
      expect(await values()).toHaveLength(20);
    });
  });

  describe('votes that arrive together', () => {
    let store: PostgresStore;
    const cast = (participant: string, value: string | number, poll = 'kies-een') =>
      store.recordVote({ room: 'ROOM22', poll, participant, value, approved: true, at: 0 });

    beforeEach(async () => {
      store = await PostgresStore.open(await freshDatabase());
      await store.createRoom({ code: 'ROOM22', keyHash: 'ab'.repeat(32), createdAt: 0 });
      await store.savePollState('ROOM22', { poll: 'kies-een', round: 2, open: true, revealed: false });
      await store.savePollState('ROOM22', { poll: 'dicht', round: 1, open: false, revealed: false });
    });
    afterEach(() => store.close());

    it('are each stored in their open round, the later of one participant replacing the earlier', async () => {
      const recorded = await Promise.all([
        ...Array.from({ length: 30 }, (_, k) => cast(`p${k}`, k % 4)),
        cast('p0', 9),
        cast('p1', 'dicht', 'dicht'),
      ]);
      expect(recorded.slice(0, 30).every((vote) => vote?.round === 2)).toBe(true);
      expect(new Set(recorded.slice(0, 30).map((vote) => vote?.id)).size).toBe(30);
      expect(recorded[30]).toEqual(recorded[0]);
      expect(recorded[31]).toBeNull();
      const votes = await store.votesOfRound('ROOM22', 'kies-een', 2);
      expect(votes).toHaveLength(30);
      expect(votes.find((vote) => vote.id === recorded[0]?.id)?.value).toBe(9);
      expect(await store.votesOfRound('ROOM22', 'dicht', 1)).toEqual([]);
    });

    it('fail one by one: a vote the database refuses takes no other with it', async () => {
      // PostgreSQL's jsonb holds no NUL character.
      const [good, bad, alsoGood] = await Promise.allSettled([cast('a', 1), cast('b', 'nul\u0000'), cast('c', 2)]);
      expect(good.status).toBe('fulfilled');
      expect(bad.status).toBe('rejected');
      expect(alsoGood.status).toBe('fulfilled');
      expect((await store.votesOfRound('ROOM22', 'kies-een', 2)).map((vote) => vote.value)).toEqual([1, 2]);
    });
  });

  it('says clearly when the database cannot be reached', async () => {
    const url = new URL(postgresUrl ?? '');
    url.port = '1';
    await expect(PostgresStore.open(url.href)).rejects.toThrow(/ECONNREFUSED/);
  });
});
