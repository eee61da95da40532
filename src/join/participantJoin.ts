import type { ClientMessage, ErrorCode } from '../shared/protocol.ts';
import { reconnectDelay } from '../shared/backoff.ts';
import { forgetIdentity, keepIdentity, storedIdentity } from './participant.ts';

// The phone's `join` of one room: with the identity the server gave it for this room, or as a new
// participant the first time, and what to do when the server refuses it: a stale identity is
// forgotten and the phone joins as new; too many new phones at once (`identity-limit`) means waiting a
// while and trying again.

/** Waits between joins the server refused for now: from two seconds, up to half a minute. */
const RETRY = { baseMs: 2000, maxMs: 30_000 };

export class ParticipantJoin {
  /** The identity the server gave this phone for the room; kept in storage too, when there is any. */
  private identity: string | undefined;
  /** The `join` waiting for its snapshot, and how often in a row the server refused one for now. */
  private ref: number | null = null;
  private refusals = 0;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly room: string,
    private readonly send: (message: ClientMessage) => void,
    private readonly nextRef: () => number,
  ) {
    this.identity = storedIdentity(room);
  }

  /** Sends the join (on every (re)connect). */
  join(): void {
    clearTimeout(this.retry);
    this.ref = this.nextRef();
    const { room, identity, ref } = this;
    this.send(identity === undefined ? { type: 'join', ref, room } : { type: 'join', ref, room, identity });
  }

  /** The snapshot came: the phone is in, with the identity the server named. */
  joined(identity: string | undefined): void {
    this.ref = null;
    this.refusals = 0;
    if (identity === undefined) return;
    this.identity = identity;
    keepIdentity(this.room, identity);
  }

  /**
   * An error for the join that this phone handles by itself: true when it tries again, so the caller
   * shows `waiting` (when given) until a snapshot comes.
   */
  refused(code: ErrorCode, ref: number | undefined): { retrying: boolean; waiting: boolean } {
    if (ref === undefined || ref !== this.ref) return { retrying: false, waiting: false };
    if (code === 'bad-identity') {
      // Not an identity the server gave for this room (any more): join as a new participant.
      forgetIdentity(this.room);
      this.identity = undefined;
      this.join();
      return { retrying: true, waiting: false };
    }
    if (code === 'identity-limit' || code === 'rate-limited' || code === 'unavailable') {
      // Many phones from this network at once, or the server's database away: try again after a while.
      this.retry = setTimeout(() => this.join(), reconnectDelay(this.refusals++, Math.random, RETRY));
      return { retrying: true, waiting: true };
    }
    return { retrying: false, waiting: false };
  }

  stop(): void {
    clearTimeout(this.retry);
  }
}
