import Database from 'better-sqlite3';
import pg from 'pg';
import type { ScreenUpdate, SentVote } from './loadGenerator.ts';

// `lost`: acknowledged votes that are missing from the database or from the presenter's final results.
// The database is read after every server process was killed (SIGKILL, no shutdown code), so an
// acknowledged vote that is there was committed before its ack, not flushed at the end.

export interface LostVotes {
  /** Acknowledged votes without a matching row (participant and value) in the database. */
  notInDatabase: number;
  /** Acknowledged votes the presenter's last results fall short of, option by option. */
  notOnScreen: number;
}

/** A room's stored votes of the bench poll's first round: participant -> option. */
export type StoredVotes = Map<string, number>;

const QUERY = 'SELECT participant, value FROM votes WHERE room = $1 AND poll = $2 AND round = 1';

export function sqliteVotes(databaseFile: string, room: string, poll: string): StoredVotes {
  const db = new Database(databaseFile, { readonly: true });
  try {
    const rows = db
      .prepare<[string, string], { participant: string; value: string }>(QUERY.replace(/\$\d/g, '?'))
      .all(room, poll);
    return new Map(rows.map((row) => [row.participant, Number(row.value)]));
  } finally {
    db.close();
  }
}

export async function postgresVotes(databaseUrl: string, room: string, poll: string): Promise<StoredVotes> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // jsonb: node-postgres gives the value parsed.
    const { rows } = await client.query<{ participant: string; value: number }>(QUERY, [room, poll]);
    return new Map(rows.map((row) => [row.participant, Number(row.value)]));
  } finally {
    await client.end();
  }
}

/** One room's acknowledged votes against its stored rows and its presenter's last results. */
export function countLostVotes(stored: StoredVotes, votes: SentVote[], screen: ScreenUpdate[]): LostVotes {
  const acked = votes.filter((vote) => vote.outcome === 'ack');
  const notInDatabase = acked.filter((vote) => stored.get(vote.participant) !== vote.value).length;

  const finalCounts = screen.at(-1)?.counts ?? [];
  const expectedCounts: number[] = [];
  for (const vote of acked) expectedCounts[vote.value] = (expectedCounts[vote.value] ?? 0) + 1;
  const notOnScreen = expectedCounts.reduce(
    (missing, expected, option) => missing + Math.max(0, (expected ?? 0) - (finalCounts[option] ?? 0)),
    0,
  );
  return { notInDatabase, notOnScreen };
}
