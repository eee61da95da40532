import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { reconnectDelay, type BackoffOptions } from '../../shared/backoff.ts';
import type { RoomChange, RoomChangeFeed, RoomChangeKind, RoomChangeListener } from '../roomChanges.ts';

// How the instances of one PostgreSQL database tell each other that a room changed: NOTIFY on one
// channel, LISTEN on a connection of its own. A notification names what changed, never the data (the
// payload limit is 8,000 bytes, and the data is in the tables). Notifications are not replayed: after
// every (re)LISTEN the instance resyncs the rooms it holds from the database.

const CHANNEL = 'room_changes';
const KINDS = new Set<string>([
  'state',
  'votes',
  'timer',
  'moderation',
  'remote',
  'view',
  'presence',
] satisfies RoomChangeKind[]);
/** More participants than any room has: a count above it is no count. */
const MAX_PARTICIPANTS = 1_000_000;
/** PostgreSQL refuses a payload of 8,000 bytes or more. */
const MAX_PAYLOAD = 7999;
/**
 * Votes are told at most this often per room and poll: each notification is a commit, and 2,500 votes a
 * second would be 2,500 more. The others recompute from the stored rows at most every 33 ms anyway.
 */
const VOTES_NOTIFY_MS = 10;
/** Waits between attempts to listen again: short, as votes meanwhile reach other instances only late. */
const LISTEN_BACKOFF: BackoffOptions = { baseMs: 200, maxMs: 5000 };

interface Payload {
  /** The instance that sent it, so it can skip its own. */
  o: string;
  r: string;
  k: RoomChangeKind;
  p?: string;
  /** presence: the sender's participants in the room. */
  n?: number;
}

function parsePayload(text: string | undefined): Payload | null {
  try {
    const payload = JSON.parse(text ?? '') as Partial<Payload>;
    if (typeof payload.o !== 'string' || typeof payload.r !== 'string' || !KINDS.has(String(payload.k))) return null;
    if (payload.p !== undefined && typeof payload.p !== 'string') return null;
    const { n } = payload;
    if ((payload.k === 'presence') !== (n !== undefined)) return null;
    if (n !== undefined && !(Number.isInteger(n) && n >= 0 && n <= MAX_PARTICIPANTS)) return null;
    return payload as Payload;
  } catch {
    return null;
  }
}

export class PostgresRoomChanges implements RoomChangeFeed {
  private readonly instance = randomBytes(6).toString('base64url');
  private client: pg.Client | null = null;
  private attempt = 0;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  /** Rooms and polls with votes not told yet (`room\u0000poll`). */
  private readonly pendingVotes = new Map<string, RoomChange>();
  private votesTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly publisher: pg.Pool,
    private readonly listener: RoomChangeListener,
  ) {}

  /** Starts listening; resolves once the first LISTEN is in place (or has failed and will be retried). */
  async start(): Promise<void> {
    await this.listen();
  }

  /**
   * Tells the other instances; call it after the change is committed. Resolves when the notification is
   * sent; `publish` sends it without waiting (a lost one is made good by the next change or a resync).
   */
  async notify(change: RoomChange): Promise<void> {
    const payload = JSON.stringify({
      o: this.instance,
      r: change.room,
      k: change.kind,
      p: change.poll,
      n: change.participants,
    } satisfies Payload);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error('room change notification too large');
    await this.publisher.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]);
  }

  publish(change: RoomChange): void {
    if (change.kind === 'votes') {
      this.pendingVotes.set(`${change.room}\u0000${change.poll ?? ''}`, change);
      this.votesTimer ??= setTimeout(() => this.publishVotes(), VOTES_NOTIFY_MS);
      return;
    }
    this.send(change);
  }

  private publishVotes(): void {
    this.votesTimer = null;
    for (const change of this.pendingVotes.values()) this.send(change);
    this.pendingVotes.clear();
  }

  private send(change: RoomChange): void {
    this.notify(change).catch((error: unknown) =>
      console.error('room changes:', error instanceof Error ? error.message : error),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.votesTimer) clearTimeout(this.votesTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 5000 });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      void client.end().catch(() => {});
      this.scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL) return;
      const payload = parsePayload(message.payload);
      if (!payload || payload.o === this.instance) return;
      this.listener.changed({
        room: payload.r,
        kind: payload.k,
        from: payload.o,
        ...(payload.p === undefined ? {} : { poll: payload.p }),
        ...(payload.n === undefined ? {} : { participants: payload.n }),
      });
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.scheduleRetry();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.listener.resync();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(
      () => {
        this.retry = null;
        void this.listen();
      },
      reconnectDelay(this.attempt++, Math.random, LISTEN_BACKOFF),
    );
    this.retry.unref();
  }
}
