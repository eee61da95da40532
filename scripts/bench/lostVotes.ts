import Database from 'better-sqlite3';
import type { ScreenUpdate, SentVote } from './loadGenerator.ts';

// `lost`: acknowledged votes that are missing from the database file or from the presenter's final
// results. The file is read after the server process was killed (SIGKILL, no shutdown code), so an
// acknowledged vote that is there was committed before its ack, not flushed at the end.

export interface LostVotes {
  /** Acknowledged votes without a matching row (participant and value) in the database. */
  notInDatabase: number;
  /** Acknowledged votes the presenter's last results fall short of, option by option. */
  notOnScreen: number;
}

export function countLostVotes(
  databaseFile: string,
  room: string,
  poll: string,
  votes: SentVote[],
  screen: ScreenUpdate[],
): LostVotes {
  const acked = votes.filter((vote) => vote.outcome === 'ack');

  const db = new Database(databaseFile, { readonly: true });
  const stored = new Map(
    db
      .prepare<[string, string], { participant: string; value: string }>(
        'SELECT participant, value FROM votes WHERE room = ? AND poll = ? AND round = 1',
      )
      .all(room, poll)
      .map((row) => [row.participant, Number(row.value)]),
  );
  db.close();
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
