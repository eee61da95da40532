import type { VoteRecord } from '../../shared/aggregate.ts';

// The votes of the rounds read most recently, kept in step with every write the store makes. The
// presenter's results are recomputed from a round's votes up to thirty times a second while a room
// votes; reading thousands of rows back each time would cost milliseconds per recomputation.
//
// SQLite: only right while this process is the database's only writer, which the server is (one data
// folder per server), and kept in step by its writes. PostgreSQL, where other instances write too: a
// round is kept with the mark it was read at and brought up to date by `merge` with the rows changed
// since (see PostgresStore.votesOfRound). Arrays handed out are copies and records are replaced, never
// changed, so a caller's array stays as it was read.

/**
 * Rounds kept, and votes kept in all: a room votes on one poll at a time, so this covers a thousand rooms
 * voting at once (a hundred rooms recomputed in turn must not push each other out), in a few MiB.
 */
const ROUNDS_KEPT = 1024;
const VOTES_KEPT = 100_000;

interface CachedRound {
  room: string;
  poll: string;
  /** Oldest first (by id), as the database returns them. */
  votes: VoteRecord[];
  indexById: Map<number, number>;
  /** Where the store's next read of changed rows starts (PostgreSQL); undefined when it keeps it in step. */
  mark: string | undefined;
}

const keyOf = (room: string, poll: string, round: number) => `${room}\u0000${poll}\u0000${round}`;

export class RoundVotesCache {
  /** In order of last use: the first one is dropped when there are too many. */
  private readonly rounds = new Map<string, CachedRound>();
  private votesKept = 0;

  /** A copy of the round's votes, or undefined when they are not cached. */
  get(room: string, poll: string, round: number): VoteRecord[] | undefined {
    const key = keyOf(room, poll, round);
    const cached = this.rounds.get(key);
    if (!cached) return undefined;
    this.rounds.delete(key);
    this.rounds.set(key, cached);
    return cached.votes.slice();
  }

  /** Keeps the votes of a round just read from the database (oldest first), with the mark of the read. */
  set(room: string, poll: string, round: number, votes: VoteRecord[], mark?: string): void {
    const indexById = new Map(votes.map((vote, index) => [vote.id, index]));
    const key = keyOf(room, poll, round);
    this.drop(key);
    this.rounds.set(key, { room, poll, votes: votes.slice(), indexById, mark });
    this.votesKept += votes.length;
    this.keepWithinLimits(key);
  }

  /** The mark the round was last read at, or undefined when it is not cached (or has none). */
  mark(room: string, poll: string, round: number): string | undefined {
    return this.rounds.get(keyOf(room, poll, round))?.mark;
  }

  /**
   * Takes in the rows of a cached round that changed since its mark (new ones, replaced ones), read at
   * `mark`, and gives a copy of the round's votes after them; undefined when the round is not cached.
   */
  merge(room: string, poll: string, round: number, changed: VoteRecord[], mark: string): VoteRecord[] | undefined {
    const key = keyOf(room, poll, round);
    const cached = this.rounds.get(key);
    if (!cached) return undefined;
    // Ids are handed out when a vote is inserted, not when it commits: a new row may be older than the last.
    let ordered = true;
    for (const vote of changed) {
      const index = cached.indexById.get(vote.id);
      if (index !== undefined) cached.votes[index] = vote;
      else {
        ordered &&= vote.id > (cached.votes.at(-1)?.id ?? 0);
        cached.indexById.set(vote.id, cached.votes.length);
        cached.votes.push(vote);
        this.votesKept++;
      }
    }
    if (!ordered) {
      cached.votes.sort((a, b) => a.id - b.id);
      cached.votes.forEach((vote, index) => cached.indexById.set(vote.id, index));
    }
    cached.mark = mark;
    this.rounds.delete(key);
    this.rounds.set(key, cached);
    this.keepWithinLimits(key);
    return cached.votes.slice();
  }

  /** Forgets one round: the next read takes it whole from the database. */
  forget(room: string, poll: string, round: number): void {
    this.drop(keyOf(room, poll, round));
  }

  /** A vote was inserted, or replaced the participant's earlier vote (same id). */
  recorded(room: string, poll: string, round: number, vote: VoteRecord): void {
    const cached = this.rounds.get(keyOf(room, poll, round));
    if (!cached) return;
    const index = cached.indexById.get(vote.id);
    if (index !== undefined) cached.votes[index] = vote;
    else {
      // A new row's id is larger than every id in the table, so appending keeps the order.
      cached.indexById.set(vote.id, cached.votes.length);
      cached.votes.push(vote);
      this.votesKept++;
      this.keepWithinLimits(keyOf(room, poll, round));
    }
  }

  /** A vote was approved (true) or rejected (false). */
  approved(room: string, poll: string, id: number, approved: boolean): void {
    for (const cached of this.rounds.values()) {
      const index = cached.room === room && cached.poll === poll ? cached.indexById.get(id) : undefined;
      const vote = index === undefined ? undefined : cached.votes[index];
      if (index !== undefined && vote) cached.votes[index] = { ...vote, approved, rejected: !approved };
    }
  }

  /** Rooms deleted (with their votes). */
  forgetRooms(codes: string[]): void {
    const deleted = new Set(codes);
    for (const [key, cached] of this.rounds) if (deleted.has(cached.room)) this.drop(key);
  }

  private drop(key: string): void {
    const cached = this.rounds.get(key);
    if (!cached) return;
    this.votesKept -= cached.votes.length;
    this.rounds.delete(key);
  }

  /** Drops the rounds used longest ago, never `keep` (the round being written). */
  private keepWithinLimits(keep: string): void {
    for (const key of this.rounds.keys()) {
      if (this.rounds.size <= ROUNDS_KEPT && this.votesKept <= VOTES_KEPT) break;
      if (key !== keep) this.drop(key);
    }
  }
}
