import type { NewVote, RecordedVote } from './Store.ts';
import { StoreUnavailableError } from './Store.ts';
import type { RunQuery } from './postgresRoundReader.ts';

// Votes on PostgreSQL, stored together: the votes that arrive while a statement runs go into the next
// one, one statement and one commit for all of them (a commit waits for the disk, about a millisecond
// here; one per vote held a room of 5,000 to some 1,500 votes a second). Each vote is still acknowledged
// only after the commit that holds it, lands only in the round open at that moment, and the UNIQUE
// constraint keeps one per participant per poll per round.

/** The most votes in one statement: a few hundred kB of parameters, tens of milliseconds in PostgreSQL. */
const MAX_VOTES_PER_STATEMENT = 500;

/**
 * One statement for a list of votes (JSON): each lands in its poll's current round when the poll is
 * open; a participant's second vote in a round replaces the first. The rows say which vote went where.
 */
const RECORD_VOTES_SQL = `INSERT INTO votes (room, poll, round, participant, value, approved, created_at)
SELECT s.room, s.poll, s.round, v.participant, v.value, v.approved, v.created_at
FROM jsonb_to_recordset($1::jsonb) AS v(room text, poll text, participant text, value jsonb, approved boolean, created_at bigint),
  poll_state s
WHERE s.room = v.room AND s.poll = v.poll AND s.open
ON CONFLICT (room, poll, round, participant)
DO UPDATE SET value = excluded.value, approved = excluded.approved, rejected = false,
  created_at = excluded.created_at, changed_xid = pg_current_xact_id()
RETURNING id, round, room, poll, participant`;

interface RecordedRow {
  id: number;
  round: number;
  room: string;
  poll: string;
  participant: string;
}

interface Waiting {
  vote: NewVote;
  resolve(recorded: RecordedVote | null): void;
  reject(error: unknown): void;
}

const keyOf = (vote: { room: string; poll: string; participant: string }) =>
  `${vote.room}\u0000${vote.poll}\u0000${vote.participant}`;

export class PostgresVoteWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly query: RunQuery) {}

  /** Resolves after the commit that stored the vote; null when its poll was not open. */
  record(vote: NewVote): Promise<RecordedVote | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ vote, resolve, reject });
      if (this.writing) return;
      this.writing = true;
      // After the votes that came in with this one, so they go together.
      setImmediate(() => void this.writeAll());
    });
  }

  private async writeAll(): Promise<void> {
    while (this.waiting.length > 0) await this.write(this.nextStatement());
    this.writing = false;
  }

  /**
   * The oldest waiting votes, one per participant and poll: a participant's next vote waits for the
   * next statement, so the one stored last is the one cast last.
   */
  private nextStatement(): Waiting[] {
    const taken: Waiting[] = [];
    const left: Waiting[] = [];
    const keys = new Set<string>();
    for (const entry of this.waiting) {
      const key = keyOf(entry.vote);
      if (taken.length >= MAX_VOTES_PER_STATEMENT || keys.has(key)) left.push(entry);
      else {
        keys.add(key);
        taken.push(entry);
      }
    }
    this.waiting = left;
    return taken;
  }

  private async write(votes: Waiting[]): Promise<void> {
    // In one order on every instance, so two statements that touch the same rows do not deadlock.
    const rows = votes
      .map(({ vote }) => ({
        room: vote.room,
        poll: vote.poll,
        participant: vote.participant,
        value: vote.value,
        approved: vote.approved,
        created_at: vote.at,
      }))
      .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1));
    try {
      const result = await this.query<RecordedRow>(RECORD_VOTES_SQL, [JSON.stringify(rows)]);
      const recorded = new Map(result.rows.map((row) => [keyOf(row), { id: row.id, round: row.round }]));
      for (const { vote, resolve } of votes) resolve(recorded.get(keyOf(vote)) ?? null);
    } catch (error) {
      if (error instanceof StoreUnavailableError || votes.length === 1) {
        for (const { reject } of votes) reject(error);
        return;
      }
      // A vote the database refuses must not take the others with it: each on its own then.
      for (const entry of votes) await this.write([entry]);
    }
  }
}
