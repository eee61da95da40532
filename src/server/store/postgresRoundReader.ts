import type pg from 'pg';
import type { VoteRecord } from '../../shared/aggregate.ts';
import type { VoteValue } from '../../shared/protocol.ts';
import { RoundVotesCache } from './roundVotesCache.ts';

// A round's votes on PostgreSQL, for the presenter's instance that recounts a round up to 30 times a
// second while it votes: the round is read whole once, then only the rows changed since the last read
// (a few dozen instead of thousands). What it gives is always the stored rows as one snapshot saw them;
// other instances write too, so nothing is taken from this instance's own writes.

/** Runs one statement (PostgresStore.query: its errors say whether the database is away). */
export type RunQuery = <R extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<pg.QueryResult<R>>;

/** A read of a round's changed rows: one row with only `mark` and `total` when none changed. */
interface ChangedVoteRow {
  mark: string;
  /** bigint: node-postgres gives it as text. */
  total: string;
  id: number | null;
  value: VoteValue;
  approved: boolean;
  rejected: boolean;
}

/**
 * Every row of a round whose last write (insert, replacement, approval or rejection: `changed_xid`) came from a
 * transaction not yet visible to the read that left `$4` as its mark, and the mark for the next read:
 * the oldest transaction this read's snapshot still sees as running. A transaction with a lower id had
 * committed (or failed) by then, so its rows were in that read already. One statement, so one snapshot;
 * `total` lets the caller see rows that went away (a deleted room), which no change reveals.
 */
const CHANGED_VOTES_SQL = `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS mark,
  (SELECT count(*) FROM votes WHERE room = $1 AND poll = $2 AND round = $3) AS total,
  v.id, v.value, v.approved, v.rejected
FROM (SELECT 1) AS one
LEFT JOIN votes v ON v.room = $1 AND v.poll = $2 AND v.round = $3 AND v.changed_xid >= $4::xid8
ORDER BY v.id`;

export class PostgresRoundReader {
  private readonly recentRounds = new RoundVotesCache();
  /** The read of each round in progress: reads of one round take turns, so an older one never lands last. */
  private readonly reads = new Map<string, Promise<VoteRecord[]>>();

  constructor(private readonly query: RunQuery) {}

  /** Every vote of the round, oldest first, as stored when the read began or later. */
  votesOfRound(room: string, poll: string, round: number): Promise<VoteRecord[]> {
    const key = `${room}\u0000${poll}\u0000${round}`;
    const read = (this.reads.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.read(room, poll, round));
    this.reads.set(key, read);
    const done = () => {
      if (this.reads.get(key) === read) this.reads.delete(key);
    };
    read.then(done, done);
    return read;
  }

  /** Rooms this instance deleted. */
  forgetRooms(codes: string[]): void {
    this.recentRounds.forgetRooms(codes);
  }

  private async read(room: string, poll: string, round: number): Promise<VoteRecord[]> {
    const cachedMark = this.recentRounds.mark(room, poll, round);
    const { rows } = await this.query<ChangedVoteRow>(CHANGED_VOTES_SQL, [room, poll, round, cachedMark ?? '0']);
    const [{ mark, total }] = rows as [ChangedVoteRow];
    const changed = rows.flatMap((row) =>
      row.id === null ? [] : [{ id: row.id, value: row.value, approved: row.approved, rejected: row.rejected }],
    );
    if (cachedMark === undefined) {
      this.recentRounds.set(room, poll, round, changed, mark);
      return changed;
    }
    const merged = this.recentRounds.merge(room, poll, round, changed, mark);
    if (merged?.length === Number(total)) return merged;
    // Rows went away (another instance deleted the room, perhaps made it again): read the round whole.
    this.recentRounds.forget(room, poll, round);
    return this.read(room, poll, round);
  }
}
