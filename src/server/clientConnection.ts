import { WebSocket } from 'ws';
import type { ServerMessage } from '../shared/protocol.ts';
import { RateLimiter, type RateLimitOptions } from './rateLimiter.ts';
import type { RoomEntry } from './roomHub.ts';

export type Role = 'participant' | 'presenter';

/** The room a connection has joined (`join`) or presents (`present`). */
export interface Membership {
  entry: RoomEntry;
  role: Role;
  /** The participant's random id; null for a presenter. */
  participant: string | null;
}

/**
 * A client that does not read its socket builds up a send buffer; beyond this, droppable updates
 * (results, presence: each replaces the previous one) are skipped for it instead of piling up.
 */
const SLOW_CLIENT_BYTES = 512 * 1024;
/**
 * Beyond this a client that does not read is cut off, whatever is queued for it: every message it is
 * sent would otherwise stay in the server's memory. A phone that reads has a few kilobytes queued.
 */
const CUT_OFF_BYTES = 2 * 1024 * 1024;

/** One WebSocket client of the poll server: its socket, what it has joined, its rate limit. */
export class ClientConnection {
  membership: Membership | null = null;
  /** Answered a ping since the last heartbeat; a connection that stays silent is cut. */
  alive = true;
  /** A connection's messages are handled one after another, in the order they came. */
  queue: Promise<void> = Promise.resolve();
  readonly limiter: RateLimiter;
  /** Rooms this connection may still create; see the message handler. */
  roomCreations: number;

  constructor(
    readonly socket: WebSocket,
    /** Where the client connects from (see clientAddress), for the per-address budgets. */
    readonly address: string,
    rateLimit: RateLimitOptions,
    roomCreations: number,
  ) {
    this.limiter = new RateLimiter(rateLimit);
    this.roomCreations = roomCreations;
  }

  send(message: ServerMessage): void {
    this.sendText(JSON.stringify(message));
  }

  /**
   * Sends a message serialised once for a whole room: as a string, or as its UTF-8 bytes, which saves
   * encoding it again for every one of thousands of sockets.
   */
  sendText(text: string | Buffer, droppable = false): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const buffered = this.socket.bufferedAmount;
    if (buffered + text.length > CUT_OFF_BYTES) return this.socket.terminate();
    if (droppable && buffered > SLOW_CLIENT_BYTES) return;
    this.socket.send(text, { binary: false });
  }
}
