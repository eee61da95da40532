import Database from 'better-sqlite3';

// What the server has stored, read straight from its SQLite file (WAL: a second, read-only connection
// sees every commit): every table, every row, in a stable order, to compare before and after.

export type Row = Record<string, unknown>;
export type Dump = Record<string, Row[]>;

const byContent = (a: Row, b: Row) => JSON.stringify(a).localeCompare(JSON.stringify(b));

export function dumpDatabase(file: string): Dump {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all()
      .map((row) => row.name);
    return Object.fromEntries(
      tables.map((table) => [table, db.prepare<[], Row>(`SELECT * FROM "${table}"`).all().sort(byContent)]),
    );
  } finally {
    db.close();
  }
}

/** The dump without the rows of one participant (whose votes are expected to change). */
export function withoutParticipant(dump: Dump, participant: string): Dump {
  return Object.fromEntries(
    Object.entries(dump).map(([table, rows]) => [table, rows.filter((row) => row.participant !== participant)]),
  );
}

/** The stored votes of one poll round: participant and parsed value. */
export function storedVotes(file: string, room: string, poll: string, round: number) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare<[string, string, number], { participant: string; value: string }>(
        'SELECT participant, value FROM votes WHERE room = ? AND poll = ? AND round = ? ORDER BY id',
      )
      .all(room, poll, round)
      .map((row) => ({ participant: row.participant, value: JSON.parse(row.value) as unknown }));
  } finally {
    db.close();
  }
}
