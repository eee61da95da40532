import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { VoteRecord } from '../../shared/aggregate.ts';
import type { PollState, ViewState, VoteValue } from '../../shared/protocol.ts';
import type { RoomChangeListener } from '../roomChanges.ts';
import { migrate } from './postgresMigrations.ts';
import { PostgresRoomChanges } from './postgresRoomChanges.ts';
import { PostgresRoundReader } from './postgresRoundReader.ts';
import { PostgresVoteWriter } from './postgresVoteWriter.ts';
import {
  MAX_PLAN_PARTS,
  StoreUnavailableError,
  type PlanPartStart,
  type ExportVote,
  type NewVote,
  type RecordedVote,
  type RoomRecord,
  type Store,
  type StoredTimer,
} from './Store.ts';

// The store on PostgreSQL (node-postgres), for a server that holds many rooms and runs as several
// instances on one database. Each change is one statement in its own transaction (votes that arrive
// together share one, see postgresVoteWriter), so a method resolves only after its commit. Counts always come from the stored rows (see postgresRoundReader).

/** A server secret: 256 random bits. */
const SECRET_BYTES = 32;

interface RoomRow {
  code: string;
  key_hash: string;
  /** bigint: node-postgres gives it as text. */
  created_at: string;
  current_poll: string | null;
  remote_hash: string | null;
  timer: StoredTimer | null;
  view: ViewState | null;
  peak_participants: number;
}

interface VoteRow {
  id: number;
  value: VoteValue;
  approved: boolean;
  rejected: boolean;
}

export class PostgresStore implements Store {
  private readonly rounds = new PostgresRoundReader((text, values) => this.query(text, values));
  private readonly votes = new PostgresVoteWriter((text, values) => this.query(text, values));

  private constructor(
    private readonly pool: pg.Pool,
    private readonly connectionString: string,
  ) {}

  /** Connects, applies the migrations, and gives the store; throws when the database cannot be reached. */
  static async open(connectionString: string, options: { poolSize?: number } = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000 });
    // An idle connection that the server drops (a restart) must not take the process down; the pool
    // replaces it on the next query.
    pool.on('error', (error) => console.error('postgres:', error.message));
    const client = await pool.connect().catch(async (error: unknown) => {
      await pool.end();
      throw error;
    });
    try {
      await migrate(client);
    } finally {
      client.release();
    }
    return new PostgresStore(pool, connectionString);
  }

  /**
   * Every query goes through here: an error without a SQL state (the connection refused, cut or timed
   * out) or of the connection classes 08 and 57 means the database is away, not that the query was wrong.
   */
  private async query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values?: unknown[],
  ): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(text, values);
    } catch (error) {
      const state = (error as { code?: unknown }).code;
      const sqlState = typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) ? state : null;
      if (sqlState === null || /^(08|57)/.test(sqlState)) {
        throw new StoreUnavailableError(error instanceof Error ? error.message : String(error));
      }
      throw error;
    }
  }

  /** The change feed between the instances on this database; it starts listening at once. */
  roomChanges(listener: RoomChangeListener): PostgresRoomChanges {
    const feed = new PostgresRoomChanges(this.connectionString, this.pool, listener);
    void feed.start();
    return feed;
  }

  async createRoom(room: { code: string; keyHash: string; createdAt: number }): Promise<boolean> {
    const result = await this.query(
      'INSERT INTO rooms (code, key_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
      [room.code, room.keyHash, room.createdAt],
    );
    return result.rowCount === 1;
  }

  async getRoom(code: string): Promise<RoomRecord | null> {
    const { rows } = await this.query<RoomRow>(
      'SELECT code, key_hash, created_at, current_poll, remote_hash, timer, view, peak_participants FROM rooms WHERE code = $1',
      [code],
    );
    const row = rows[0];
    return row
      ? {
          code: row.code,
          keyHash: row.key_hash,
          createdAt: Number(row.created_at),
          currentPoll: row.current_poll,
          remoteHash: row.remote_hash,
          timer: row.timer,
          view: row.view,
          peakParticipants: row.peak_participants,
        }
      : null;
  }

  async saveView(code: string, view: ViewState): Promise<void> {
    await this.query('UPDATE rooms SET view = $1 WHERE code = $2', [JSON.stringify(view), code]);
  }

  async saveTimer(code: string, timer: StoredTimer | null): Promise<void> {
    await this.query('UPDATE rooms SET timer = $1 WHERE code = $2', [
      timer === null ? null : JSON.stringify(timer),
      code,
    ]);
  }

  async setCurrentPoll(code: string, poll: string | null): Promise<void> {
    await this.query('UPDATE rooms SET current_poll = $1 WHERE code = $2', [poll, code]);
  }

  async setRemoteHash(code: string, remoteHash: string | null): Promise<void> {
    await this.query('UPDATE rooms SET remote_hash = $1 WHERE code = $2', [remoteHash, code]);
  }

  async pollStates(room: string): Promise<PollState[]> {
    const { rows } = await this.query<PollState>(
      'SELECT poll, round, open, revealed FROM poll_state WHERE room = $1 ORDER BY poll',
      [room],
    );
    return rows.map((row) => ({ poll: row.poll, round: row.round, open: row.open, revealed: row.revealed }));
  }

  async savePollState(room: string, state: PollState): Promise<void> {
    await this.query(
      `INSERT INTO poll_state (room, poll, round, open, revealed) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (room, poll) DO UPDATE SET round = excluded.round, open = excluded.open, revealed = excluded.revealed`,
      [room, state.poll, state.round, state.open, state.revealed],
    );
  }

  recordVote(vote: NewVote): Promise<RecordedVote | null> {
    return this.votes.record(vote);
  }

  async voteOf(room: string, poll: string, round: number, participant: string): Promise<VoteValue | null> {
    const { rows } = await this.query<{ value: VoteValue }>(
      'SELECT value FROM votes WHERE room = $1 AND poll = $2 AND round = $3 AND participant = $4',
      [room, poll, round, participant],
    );
    return rows[0]?.value ?? null;
  }

  votesOfRound(room: string, poll: string, round: number): Promise<VoteRecord[]> {
    return this.rounds.votesOfRound(room, poll, round);
  }

  async setApproved(room: string, poll: string, id: number, approved: boolean): Promise<boolean> {
    const result = await this.query(
      'UPDATE votes SET approved = $1, rejected = NOT $1, changed_xid = pg_current_xact_id() WHERE room = $2 AND poll = $3 AND id = $4',
      [approved, room, poll, id],
    );
    return result.rowCount === 1;
  }

  async exportVotes(room: string): Promise<ExportVote[]> {
    const { rows } = await this.query<VoteRow & { poll: string; round: number; created_at: string }>(
      'SELECT poll, round, id, value, approved, rejected, created_at FROM votes WHERE room = $1 ORDER BY poll, round, id',
      [room],
    );
    return rows.map((row) => ({
      id: row.id,
      value: row.value,
      approved: row.approved,
      rejected: row.rejected,
      poll: row.poll,
      round: row.round,
      at: Number(row.created_at),
    }));
  }

  async countVoters(room: string): Promise<number> {
    const { rows } = await this.query<{ voters: string }>(
      'SELECT count(DISTINCT participant) AS voters FROM votes WHERE room = $1',
      [room],
    );
    return Number(rows[0]?.voters ?? 0);
  }

  async noteParticipants(room: string, participants: number): Promise<void> {
    // Each instance counts its own connections; the highest count any of them saw is kept.
    await this.query('UPDATE rooms SET peak_participants = $1 WHERE code = $2 AND peak_participants < $1', [
      participants,
      room,
    ]);
  }

  async recordPlanPart(room: string, start: PlanPartStart): Promise<void> {
    // One statement: not the part that started last, and not beyond the bound.
    await this.query(
      `INSERT INTO plan_parts (room, plan, part, started_at)
       SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM rooms WHERE code = $1)
       AND NOT EXISTS (SELECT 1 FROM (SELECT plan, part FROM plan_parts WHERE room = $1 ORDER BY id DESC LIMIT 1) last
                       WHERE last.plan = $2 AND last.part = $3)
       AND (SELECT count(*) FROM plan_parts WHERE room = $1) < $5`,
      [room, start.plan, start.part, start.at, MAX_PLAN_PARTS],
    );
  }

  async planParts(room: string): Promise<PlanPartStart[]> {
    const { rows } = await this.query<{ plan: string; part: string; started_at: string }>(
      'SELECT plan, part, started_at FROM plan_parts WHERE room = $1 ORDER BY id',
      [room],
    );
    return rows.map((row) => ({ plan: row.plan, part: row.part, at: Number(row.started_at) }));
  }

  async removeWord(room: string, poll: string, round: number, word: string): Promise<void> {
    await this.query(
      'INSERT INTO removed_words (room, poll, round, word) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [room, poll, round, word],
    );
  }

  async removedWords(room: string, poll: string, round: number): Promise<string[]> {
    const { rows } = await this.query<{ word: string }>(
      'SELECT word FROM removed_words WHERE room = $1 AND poll = $2 AND round = $3 ORDER BY word',
      [room, poll, round],
    );
    return rows.map((row) => row.word);
  }

  async secret(name: string): Promise<Buffer> {
    // The first instance to ask makes it; every later ask, on any instance, reads the same one.
    await this.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
      name,
      randomBytes(SECRET_BYTES),
    ]);
    const { rows } = await this.query<{ value: Buffer }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
    const value = rows[0]?.value;
    if (!value) throw new Error(`secret ${name} was not stored`);
    return value;
  }

  async deleteRoomsCreatedBefore(cutoff: number): Promise<string[]> {
    const { rows } = await this.query<{ code: string }>('DELETE FROM rooms WHERE created_at < $1 RETURNING code', [
      cutoff,
    ]);
    const codes = rows.map((row) => row.code);
    this.rounds.forgetRooms(codes);
    return codes;
  }

  async ping(): Promise<void> {
    await this.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
