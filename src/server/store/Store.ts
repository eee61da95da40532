import type { VoteRecord } from '../../shared/aggregate.ts';
import type { PollState, TimerState, ViewState, VoteValue } from '../../shared/protocol.ts';

// What the poll server needs from its storage, and nothing more. Async, so a PostgreSQL store can be
// added next to SqliteStore without touching the rest. Every method that changes data resolves only
// after the change is committed.

export interface RoomRecord {
  code: string;
  /** sha256 of the presenter key (hex); the key itself is never stored. */
  keyHash: string;
  /** Milliseconds since the epoch. */
  createdAt: number;
  currentPoll: string | null;
  /** sha256 of the remote-control token (hex), null before the presenter asks for a remote link. */
  remoteHash: string | null;
  /** The group exercise's countdown as the presenter last set it; null when there is none. */
  timer: StoredTimer | null;
  /** Where the audience view stands, as a console last set it; null before any did. */
  view: ViewState | null;
  /**
   * The most participants connected at once (noteParticipants), counted over every instance when a
   * phone joins (RoomPresence).
   */
  peakParticipants: number;
}

/** A part of a workshop plan the presenter started (the deck sends `plan-part`). */
export interface PlanPartStart {
  /** The plan's id and the part's name in the built deck (`block-3`, `case-1`, `break`, …). */
  plan: string;
  part: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** How many plan parts a room keeps: a day's agenda many times over, and a bound on what one room stores. */
export const MAX_PLAN_PARTS = 500;

/** A countdown and when it was set (ms since the epoch): a running one has counted down since. */
export interface StoredTimer {
  state: TimerState;
  setAt: number;
}

export interface NewVote {
  room: string;
  poll: string;
  participant: string;
  value: VoteValue;
  /** For open answers: shown to everyone right away (moderation `auto`). */
  approved: boolean;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface RecordedVote {
  id: number;
  round: number;
}

/** One stored vote as the export reads it. */
export interface ExportVote extends VoteRecord {
  poll: string;
  round: number;
  /** When it was cast (ms since the epoch; a changed vote: when it was changed). */
  at: number;
}

/**
 * The database cannot be reached (a restart, a lost connection): nothing was stored, and trying again in a
 * moment may work. Clients get `unavailable`, never an acknowledgement.
 */
export class StoreUnavailableError extends Error {}

export interface Store {
  /** Stores a new room; false when the code is taken already. */
  createRoom(room: { code: string; keyHash: string; createdAt: number }): Promise<boolean>;
  getRoom(code: string): Promise<RoomRecord | null>;
  setCurrentPoll(code: string, poll: string | null): Promise<void>;
  /** Keeps the room's countdown (null: none), so another instance or a restart shows the same one. */
  saveTimer(code: string, timer: StoredTimer | null): Promise<void>;
  /** Keeps where the audience view stands, so a reload (or another instance) resumes there. */
  saveView(code: string, view: ViewState): Promise<void>;
  /** Replaces the room's remote-control token hash: the old token stops working. */
  setRemoteHash(code: string, remoteHash: string): Promise<void>;

  pollStates(room: string): Promise<PollState[]>;
  savePollState(room: string, state: PollState): Promise<void>;

  /**
   * Stores a vote in the poll's current round when the poll is open, in one transaction; a second vote
   * of the same participant in the same round replaces the first. Null when the poll is not open.
   */
  recordVote(vote: NewVote): Promise<RecordedVote | null>;
  /** The participant's vote in a round, or null. */
  voteOf(room: string, poll: string, round: number, participant: string): Promise<VoteValue | null>;
  /** Every vote of one round, oldest first. */
  votesOfRound(room: string, poll: string, round: number): Promise<VoteRecord[]>;
  /**
   * Approves an open answer (true) or rejects it (false: out of every result, see VoteRecord.rejected); a
   * new vote of the participant waits again. False when the room's poll has no vote with that id.
   */
  setApproved(room: string, poll: string, id: number, approved: boolean): Promise<boolean>;
  /** Every vote of the room, by poll, round and age. */
  exportVotes(room: string): Promise<ExportVote[]>;
  /** How many different participants voted in the room, in any poll or round. */
  countVoters(room: string): Promise<number>;

  /** Keeps `participants` as the room's peak when it is higher than the stored one. */
  noteParticipants(room: string, participants: number): Promise<void>;
  /**
   * Records that a plan part started, unless it is the part that started last already; once the room
   * holds MAX_PLAN_PARTS, nothing more.
   */
  recordPlanPart(room: string, start: PlanPartStart): Promise<void>;
  /** The plan parts the room started, in the order they started. */
  planParts(room: string): Promise<PlanPartStart[]>;

  /** Resolves when the database answers; rejects when it cannot be reached (the health check). */
  ping(): Promise<void>;
  /** Takes a (normalised) word off a word cloud for the rest of the round. */
  removeWord(room: string, poll: string, round: number, word: string): Promise<void>;
  /** The words taken off a word cloud in a round. */
  removedWords(room: string, poll: string, round: number): Promise<string[]>;

  /** A secret of the server's, made on first use and kept from then on (it survives restarts). */
  secret(name: string): Promise<Buffer>;

  /** Deletes rooms created before `cutoff` (ms since the epoch), their votes with them; returns their codes. */
  deleteRoomsCreatedBefore(cutoff: number): Promise<string[]>;
  close(): Promise<void>;
}
