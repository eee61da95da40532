import type Database from 'better-sqlite3';

// The SQLite store's tables, and the upgrade of a database an older version made: columns added, every
// room and vote kept. `user_version` says which schema a file has.

const SCHEMA_VERSION = 6;
const SCHEMA = `
CREATE TABLE IF NOT EXISTS rooms (
  code TEXT PRIMARY KEY,
  key_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  current_poll TEXT,
  remote_hash TEXT,
  timer TEXT CHECK (timer IS NULL OR json_valid(timer)),
  view TEXT CHECK (view IS NULL OR json_valid(view)),
  peak_participants INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX IF NOT EXISTS rooms_by_age ON rooms (created_at);

-- The plan parts the presenter started, for the session report's agenda as run.
CREATE TABLE IF NOT EXISTS plan_parts (
  id INTEGER PRIMARY KEY,
  room TEXT NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  plan TEXT NOT NULL,
  part TEXT NOT NULL,
  started_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS plan_parts_by_room ON plan_parts (room, id);

CREATE TABLE IF NOT EXISTS poll_state (
  room TEXT NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  poll TEXT NOT NULL,
  round INTEGER NOT NULL CHECK (round >= 1),
  open INTEGER NOT NULL CHECK (open IN (0, 1)),
  revealed INTEGER NOT NULL CHECK (revealed IN (0, 1)),
  PRIMARY KEY (room, poll)
) STRICT;

-- One vote per participant per poll per round: the UNIQUE constraint is the guarantee, not the code.
CREATE TABLE IF NOT EXISTS votes (
  id INTEGER PRIMARY KEY,
  room TEXT NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  poll TEXT NOT NULL,
  round INTEGER NOT NULL,
  participant TEXT NOT NULL,
  value TEXT NOT NULL CHECK (json_valid(value)),
  approved INTEGER NOT NULL CHECK (approved IN (0, 1)),
  -- The presenter rejected the answer: in no result, though the participant did vote.
  rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1) AND NOT (rejected = 1 AND approved = 1)),
  created_at INTEGER NOT NULL,
  UNIQUE (room, poll, round, participant)
) STRICT;

-- Words the presenter took off a word cloud: they stay off for the rest of the round.
CREATE TABLE IF NOT EXISTS removed_words (
  room TEXT NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  poll TEXT NOT NULL,
  round INTEGER NOT NULL,
  word TEXT NOT NULL,
  PRIMARY KEY (room, poll, round, word)
) STRICT;

-- Secrets the server makes once and keeps across restarts (the key that signs participant identities).
CREATE TABLE IF NOT EXISTS server_secrets (
  name TEXT PRIMARY KEY,
  value BLOB NOT NULL
) STRICT;
`;

/**
 * Databases made before the remote-control token (schema 2), the stored countdown (schema 3) or the
 * audience view's position (schema 4) or the peak of participants (schema 5) lack those columns: add them,
 * keeping every room.
 */
function addMissingRoomColumns(db: Database.Database): void {
  const columns = new Set((db.pragma('table_info(rooms)') as { name: string }[]).map((column) => column.name));
  if (!columns.has('remote_hash')) db.exec('ALTER TABLE rooms ADD COLUMN remote_hash TEXT');
  if (!columns.has('timer'))
    db.exec('ALTER TABLE rooms ADD COLUMN timer TEXT CHECK (timer IS NULL OR json_valid(timer))');
  if (!columns.has('view')) db.exec('ALTER TABLE rooms ADD COLUMN view TEXT CHECK (view IS NULL OR json_valid(view))');
  if (!columns.has('peak_participants'))
    db.exec('ALTER TABLE rooms ADD COLUMN peak_participants INTEGER NOT NULL DEFAULT 0');
}

/** Databases made before an answer could be rejected (schema 6) lack the column: add it, nothing rejected. */
function addMissingVoteColumns(db: Database.Database): void {
  const columns = new Set((db.pragma('table_info(votes)') as { name: string }[]).map((column) => column.name));
  if (!columns.has('rejected'))
    db.exec(
      'ALTER TABLE votes ADD COLUMN rejected INTEGER NOT NULL DEFAULT 0 CHECK (rejected IN (0, 1) AND NOT (rejected = 1 AND approved = 1))',
    );
}

/** Creates the tables a new file lacks and adds the columns an older file lacks. */
export function prepareSchema(db: Database.Database): void {
  db.exec(SCHEMA);
  addMissingRoomColumns(db);
  addMissingVoteColumns(db);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
