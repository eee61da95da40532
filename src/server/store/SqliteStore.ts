import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import type { VoteRecord } from '../../shared/aggregate.ts';
import type { PollState, ViewState, VoteValue } from '../../shared/protocol.ts';
import type { SqliteSync } from '../settings.ts';
import { keepPrivate, preparePrivateDatabase } from './privateFiles.ts';
import { RoundVotesCache } from './roundVotesCache.ts';
import { prepareSchema } from './sqliteSchema.ts';
import {
  MAX_PLAN_PARTS,
  type ExportVote,
  type NewVote,
  type PlanPartStart,
  type RecordedVote,
  type RoomRecord,
  type Store,
  type StoredTimer,
} from './Store.ts';

// The store on one SQLite file (better-sqlite3: synchronous, so a statement that returned is done).
//
// Durability: WAL with synchronous=NORMAL by default. A commit is written to the WAL file before the
// statement returns, so an acknowledged vote survives the process being killed (SIGKILL, a crash); only
// a power cut or OS crash may lose the last commits, which is acceptable for a workshop poll.
// SQLITE_SYNC=full fsyncs on every vote, so those survive a power cut too; since better-sqlite3 runs on
// the event loop, every fsync then stalls every connection, and a room voting at once queues behind the
// disk.
//
// Privacy at rest: the files are the owner's only (privateFiles.ts), deleted rows are overwritten
// (secure_delete) and the retention purge empties the WAL, so a purged answer is gone from the disk.

/** A server secret: 256 random bits. */
const SECRET_BYTES = 32;

interface RoomRow {
  code: string;
  key_hash: string;
  created_at: number;
  current_poll: string | null;
  remote_hash: string | null;
  timer: string | null;
  view: string | null;
  peak_participants: number;
}
interface StateRow {
  poll: string;
  round: number;
  open: number;
  revealed: number;
}
interface VoteRow {
  id: number;
  value: string;
  approved: number;
  rejected: number;
}
interface ExportRow extends VoteRow {
  poll: string;
  round: number;
  created_at: number;
}
interface PlanPartRow {
  plan: string;
  part: string;
  started_at: number;
}

const toVote = (row: VoteRow): VoteRecord => ({
  id: row.id,
  value: JSON.parse(row.value) as VoteValue,
  approved: row.approved === 1,
  rejected: row.rejected === 1,
});

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly recentRounds = new RoundVotesCache();

  /** Opens (and creates when missing) the database file; `:memory:` for a throw-away store. */
  constructor(file: string, options: { synchronous?: SqliteSync } = {}) {
    const onDisk = file !== ':memory:';
    if (onDisk) preparePrivateDatabase(file);
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('secure_delete = ON');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    prepareSchema(this.db);
    if (onDisk) keepPrivate(file);

    const db = this.db;
    this.statements = {
      insertRoom: db.prepare<[string, string, number]>(
        'INSERT INTO rooms (code, key_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING',
      ),
      room: db.prepare<[string], RoomRow>(
        'SELECT code, key_hash, created_at, current_poll, remote_hash, timer, view, peak_participants FROM rooms WHERE code = ?',
      ),
      setRemoteHash: db.prepare<[string, string]>('UPDATE rooms SET remote_hash = ? WHERE code = ?'),
      setCurrent: db.prepare<[string | null, string]>('UPDATE rooms SET current_poll = ? WHERE code = ?'),
      saveTimer: db.prepare<[string | null, string]>('UPDATE rooms SET timer = ? WHERE code = ?'),
      saveView: db.prepare<[string, string]>('UPDATE rooms SET view = ? WHERE code = ?'),
      states: db.prepare<[string], StateRow>('SELECT poll, round, open, revealed FROM poll_state WHERE room = ?'),
      saveState: db.prepare<[string, string, number, number, number]>(
        `INSERT INTO poll_state (room, poll, round, open, revealed) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (room, poll) DO UPDATE SET round = excluded.round, open = excluded.open, revealed = excluded.revealed`,
      ),
      // One statement: the vote lands only in the round that is open at the moment of the insert.
      recordVote: db.prepare<[string, string, number, number, string, string], RecordedVote>(
        `INSERT INTO votes (room, poll, round, participant, value, approved, created_at)
         SELECT room, poll, round, ?, ?, ?, ? FROM poll_state WHERE room = ? AND poll = ? AND open = 1
         ON CONFLICT (room, poll, round, participant)
         DO UPDATE SET value = excluded.value, approved = excluded.approved, rejected = 0, created_at = excluded.created_at
         RETURNING id, round`,
      ),
      voteOf: db.prepare<[string, string, number, string], { value: string }>(
        'SELECT value FROM votes WHERE room = ? AND poll = ? AND round = ? AND participant = ?',
      ),
      votesOfRound: db.prepare<[string, string, number], VoteRow>(
        'SELECT id, value, approved, rejected FROM votes WHERE room = ? AND poll = ? AND round = ? ORDER BY id',
      ),
      setApproved: db.prepare<[number, number, string, string, number]>(
        'UPDATE votes SET approved = ?, rejected = ? WHERE room = ? AND poll = ? AND id = ?',
      ),
      exportVotes: db.prepare<[string], ExportRow>(
        'SELECT poll, round, id, value, approved, rejected, created_at FROM votes WHERE room = ? ORDER BY poll, round, id',
      ),
      countVoters: db.prepare<[string], { voters: number }>(
        'SELECT count(DISTINCT participant) AS voters FROM votes WHERE room = ?',
      ),
      noteParticipants: db.prepare<[number, string, number]>(
        'UPDATE rooms SET peak_participants = ? WHERE code = ? AND peak_participants < ?',
      ),
      // One statement: not the part that started last, and not beyond the bound.
      recordPlanPart: db.prepare<[{ room: string; plan: string; part: string; at: number }]>(
        `INSERT INTO plan_parts (room, plan, part, started_at)
         SELECT @room, @plan, @part, @at WHERE EXISTS (SELECT 1 FROM rooms WHERE code = @room)
         AND NOT EXISTS (SELECT 1 FROM (SELECT plan, part FROM plan_parts WHERE room = @room ORDER BY id DESC LIMIT 1)
                         WHERE plan = @plan AND part = @part)
         AND (SELECT count(*) FROM plan_parts WHERE room = @room) < ${MAX_PLAN_PARTS}`,
      ),
      planParts: db.prepare<[string], PlanPartRow>(
        'SELECT plan, part, started_at FROM plan_parts WHERE room = ? ORDER BY id',
      ),
      deleteOld: db.prepare<[number], { code: string }>('DELETE FROM rooms WHERE created_at < ? RETURNING code'),
      removeWord: db.prepare<[string, string, number, string]>(
        'INSERT INTO removed_words (room, poll, round, word) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      removedWords: db.prepare<[string, string, number], { word: string }>(
        'SELECT word FROM removed_words WHERE room = ? AND poll = ? AND round = ?',
      ),
      keepSecret: db.prepare<[string, Buffer]>(
        'INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING',
      ),
      secret: db.prepare<[string], { value: Buffer }>('SELECT value FROM server_secrets WHERE name = ?'),
    };
  }

  async createRoom(room: { code: string; keyHash: string; createdAt: number }): Promise<boolean> {
    return this.statements.insertRoom.run(room.code, room.keyHash, room.createdAt).changes === 1;
  }

  async getRoom(code: string): Promise<RoomRecord | null> {
    const row = this.statements.room.get(code);
    return row
      ? {
          code: row.code,
          keyHash: row.key_hash,
          createdAt: row.created_at,
          currentPoll: row.current_poll,
          remoteHash: row.remote_hash,
          timer: row.timer === null ? null : (JSON.parse(row.timer) as StoredTimer),
          view: row.view === null ? null : (JSON.parse(row.view) as ViewState),
          peakParticipants: row.peak_participants,
        }
      : null;
  }

  async setRemoteHash(code: string, remoteHash: string): Promise<void> {
    this.statements.setRemoteHash.run(remoteHash, code);
  }

  async saveView(code: string, view: ViewState): Promise<void> {
    this.statements.saveView.run(JSON.stringify(view), code);
  }

  async saveTimer(code: string, timer: StoredTimer | null): Promise<void> {
    this.statements.saveTimer.run(timer === null ? null : JSON.stringify(timer), code);
  }

  async setCurrentPoll(code: string, poll: string | null): Promise<void> {
    this.statements.setCurrent.run(poll, code);
  }

  async pollStates(room: string): Promise<PollState[]> {
    return this.statements.states
      .all(room)
      .map((row) => ({ poll: row.poll, round: row.round, open: row.open === 1, revealed: row.revealed === 1 }));
  }

  async savePollState(room: string, state: PollState): Promise<void> {
    this.statements.saveState.run(room, state.poll, state.round, Number(state.open), Number(state.revealed));
  }

  async recordVote(vote: NewVote): Promise<RecordedVote | null> {
    const { participant, value, approved, at, room, poll } = vote;
    const json = JSON.stringify(value);
    const recorded = this.statements.recordVote.get(participant, json, Number(approved), at, room, poll);
    if (!recorded) return null;
    // As read back from the database: the stored JSON, not the caller's object.
    this.recentRounds.recorded(
      room,
      poll,
      recorded.round,
      toVote({ id: recorded.id, value: json, approved: Number(approved), rejected: 0 }),
    );
    return recorded;
  }

  async voteOf(room: string, poll: string, round: number, participant: string): Promise<VoteValue | null> {
    const row = this.statements.voteOf.get(room, poll, round, participant);
    return row ? (JSON.parse(row.value) as VoteValue) : null;
  }

  async votesOfRound(room: string, poll: string, round: number): Promise<VoteRecord[]> {
    const cached = this.recentRounds.get(room, poll, round);
    if (cached) return cached;
    const votes = this.statements.votesOfRound.all(room, poll, round).map(toVote);
    this.recentRounds.set(room, poll, round, votes);
    return votes;
  }

  async setApproved(room: string, poll: string, id: number, approved: boolean): Promise<boolean> {
    const found = this.statements.setApproved.run(Number(approved), Number(!approved), room, poll, id).changes === 1;
    if (found) this.recentRounds.approved(room, poll, id, approved);
    return found;
  }

  async exportVotes(room: string): Promise<ExportVote[]> {
    return this.statements.exportVotes
      .all(room)
      .map((row) => ({ ...toVote(row), poll: row.poll, round: row.round, at: row.created_at }));
  }

  async countVoters(room: string): Promise<number> {
    return this.statements.countVoters.get(room)?.voters ?? 0;
  }

  async noteParticipants(room: string, participants: number): Promise<void> {
    this.statements.noteParticipants.run(participants, room, participants);
  }

  async recordPlanPart(room: string, start: PlanPartStart): Promise<void> {
    this.statements.recordPlanPart.run({ room, plan: start.plan, part: start.part, at: start.at });
  }

  async planParts(room: string): Promise<PlanPartStart[]> {
    return this.statements.planParts.all(room).map((row) => ({ plan: row.plan, part: row.part, at: row.started_at }));
  }

  async removeWord(room: string, poll: string, round: number, word: string): Promise<void> {
    this.statements.removeWord.run(room, poll, round, word);
  }

  async removedWords(room: string, poll: string, round: number): Promise<string[]> {
    return this.statements.removedWords.all(room, poll, round).map((row) => row.word);
  }

  async secret(name: string): Promise<Buffer> {
    this.statements.keepSecret.run(name, randomBytes(SECRET_BYTES));
    const row = this.statements.secret.get(name);
    if (!row) throw new Error(`secret ${name} was not stored`);
    return row.value;
  }

  async deleteRoomsCreatedBefore(cutoff: number): Promise<string[]> {
    const codes = this.statements.deleteOld.all(cutoff).map((row) => row.code);
    this.recentRounds.forgetRooms(codes);
    // The WAL still holds the pages as they were before the delete; copy it back and empty it.
    if (codes.length > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return codes;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
