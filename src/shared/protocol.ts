import { z } from 'zod';

// The message protocol between the browsers (deck, join page, remote control) and the poll server:
// the only contract between them. Everything travels as JSON over one WebSocket at WS_PATH.
// The server validates every client message with the schemas below; browsers import only the types
// (`import type`), so no validation library reaches the phones.

export const WS_PATH = '/ws';

/** Join codes use characters that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** The longest countdown a presenter can run: two hours. */
const MAX_TIMER_SECONDS = 7200;

export const LIMITS = {
  /** Largest message the server reads, in bytes. */
  messageBytes: 4096,
  /** Word cloud answers: a few words. */
  wordChars: 40,
  /** Open text answers. */
  openChars: 280,
  /** A group name for group answers. */
  groupChars: 40,
} as const;

const joinCode = z
  .string()
  .length(JOIN_CODE_LENGTH)
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`));
/** A random id the participant's browser makes and keeps; no personal data. */
const participantId = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const presenterKey = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/);
const pollId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);
/** Echoed in the answer, so a client can match answers to its requests. */
const ref = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional();

/** A vote's value; which shape is allowed depends on the poll type (checked against deck.json). */
export const voteValueSchema = z.union([
  z.number().int().min(-1000).max(1000), // single: option index; scale: the chosen point
  z.array(z.number().int().min(0).max(99)).min(1).max(12), // multiple: option indexes; ranking: all option indexes in order
  z.string().max(LIMITS.openChars), // wordcloud and open text
  z.strictObject({ group: z.string().max(LIMITS.groupChars), text: z.string().max(LIMITS.openChars) }), // group answers
]);
export type VoteValue = z.infer<typeof voteValueSchema>;

export const clientMessageSchema = z.discriminatedUnion('type', [
  /** Asks for a new room. Needs `password` when the server has PRESENTER_PASSWORD set. */
  z.strictObject({ type: z.literal('create-room'), ref, password: z.string().max(200).optional() }),
  /** A participant's phone joins a room. */
  z.strictObject({ type: z.literal('join'), ref, room: joinCode, participant: participantId }),
  /** The presenter's deck joins a room with its key; the remote control with its remote token in `key`. */
  z.strictObject({ type: z.literal('present'), ref, room: joinCode, key: presenterKey }),
  /** The deck (with the room key, not a remote token) asks for a new remote-control link; the old one stops working. */
  z.strictObject({ type: z.literal('new-remote-link'), ref }),
  /** A participant votes; a second vote in the same round replaces the first. */
  z.strictObject({ type: z.literal('vote'), ref, poll: pollId, value: voteValueSchema }),
  // Presenter-only actions below: refused without a key.
  /** The presenter is on this poll's slide (null: on a slide without poll). Phones follow. */
  z.strictObject({ type: z.literal('show'), ref, poll: pollId.nullable() }),
  z.strictObject({ type: z.literal('open'), ref, poll: pollId }),
  z.strictObject({ type: z.literal('close'), ref, poll: pollId }),
  z.strictObject({ type: z.literal('reveal'), ref, poll: pollId, revealed: z.boolean() }),
  /** Starts a new round: earlier rounds are kept for export. */
  z.strictObject({ type: z.literal('reset'), ref, poll: pollId }),
  /**
   * The countdown of a case's group exercise, as the presenter's deck runs it: the deck keeps the time,
   * the server passes it on to the phones. `exercise` is the case's slug; null stops showing it.
   */
  z.strictObject({
    type: z.literal('timer'),
    ref,
    timer: z
      .strictObject({
        exercise: pollId,
        seconds: z.number().int().min(1).max(MAX_TIMER_SECONDS),
        remainingMs: z
          .number()
          .int()
          .min(0)
          .max(MAX_TIMER_SECONDS * 1000),
        running: z.boolean(),
      })
      .refine((timer) => timer.remainingMs <= timer.seconds * 1000)
      .nullable(),
  }),
  /** Shows (or hides) an open-text or group answer on the screen. */
  z.strictObject({
    type: z.literal('approve'),
    ref,
    poll: pollId,
    answer: z.number().int().positive(),
    approved: z.boolean(),
  }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type PresenterAction = Extract<
  ClientMessage,
  { type: 'show' | 'open' | 'close' | 'reveal' | 'reset' | 'approve' | 'timer' }
>;

/** A countdown as it stands when the message is sent: phones count down from `remainingMs`. */
export interface TimerState {
  /** The case the exercise belongs to (its slug). */
  exercise: string;
  /** The full length of the countdown. */
  seconds: number;
  remainingMs: number;
  running: boolean;
}

/** What a poll is doing now. */
export interface PollState {
  poll: string;
  /** Rounds count from 1; a reset starts the next. */
  round: number;
  open: boolean;
  /** Results are on screen (false for a poll marked `hidden` until the presenter reveals it). */
  revealed: boolean;
}

/** Aggregated results of one poll round, computed from the stored votes. */
export type Results =
  | { kind: 'counts'; counts: number[] } // single, multiple: votes per option
  | { kind: 'scale'; counts: number[]; average: number | null } // votes per point, min..max
  | { kind: 'words'; words: { word: string; count: number }[] } // normalised, most frequent first
  | { kind: 'answers'; answers: OpenAnswer[] } // open text and group answers, oldest first
  | { kind: 'ranking'; scores: number[] }; // Borda points per option

export interface OpenAnswer {
  id: number;
  text: string;
  approved: boolean;
  /** The group's name, for group answers. */
  group?: string;
}

export interface PollResults {
  poll: string;
  round: number;
  /** How many participants answered in this round. */
  voters: number;
  results: Results;
}

export type ErrorCode =
  | 'bad-message' // not JSON, or not a known message (a message over LIMITS.messageBytes closes the socket: 1009)
  | 'rate-limited'
  | 'password-required'
  | 'wrong-password'
  | 'unknown-room'
  | 'not-joined'
  | 'not-presenter' // a presenter action without (the right) key
  | 'unknown-poll'
  | 'poll-closed'
  | 'bad-vote' // an option or value the poll does not have
  | 'bad-text' // an answer with characters that make text look like something else (see textRules.ts)
  | 'unknown-answer'
  | 'unknown-exercise' // a countdown for a case the deck does not have
  | 'server-error';

export type ServerMessage =
  | { type: 'room-created'; ref?: number; room: string; key: string }
  /** The answer to `new-remote-link`: the token for control.html, shown once, stored only as a hash. */
  | { type: 'remote-link'; ref?: number; room: string; token: string }
  | {
      /** Sent on every (re)join: everything the client needs, nothing it must remember. */
      type: 'snapshot';
      ref?: number;
      room: string;
      role: 'participant' | 'presenter';
      /** The poll the presenter is showing, or null. */
      current: PollState | null;
      /** Presenter: every poll that has state; participant: only the current one. */
      polls: PollState[];
      participants: number;
      /** Results the client may see: the presenter gets all, a participant only revealed ones. */
      results: PollResults[];
      /** Participant: their vote in the current round of the current poll, if any. */
      myVote: VoteValue | null;
      /** The countdown of a group exercise, when one is running or paused. */
      timer: TimerState | null;
    }
  | { type: 'state'; current: PollState | null; changed: PollState }
  | { type: 'results'; results: PollResults }
  | { type: 'presence'; participants: number }
  | { type: 'timer'; timer: TimerState | null }
  /** Sent after the vote is committed to the database, never before. */
  | { type: 'ack'; ref?: number; poll: string; round: number; value: VoteValue }
  | { type: 'ok'; ref?: number }
  | { type: 'error'; ref?: number; code: ErrorCode; message: string };
