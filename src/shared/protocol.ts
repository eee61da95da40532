// The message protocol between the browsers (deck, join page, remote control) and the poll server:
// the only contract between them. Everything travels as JSON over one WebSocket at WS_PATH.
// Types and constants only, no validation library, so any side may import it; the server validates
// every client message with the schemas in src/server/protocolSchemas.ts, which a type check there keeps
// equal to ClientMessage.

export { ANSWER_PAGE, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, LIMITS, WS_PATH } from './protocolLimits.ts';

/** The longest countdown a presenter can run: two hours. */
export const MAX_TIMER_SECONDS = 7200;

/** A vote's value; which shape is allowed depends on the poll type (checked against deck.json). */
export type VoteValue =
  | number // single: option index; scale: the chosen point
  | number[] // multiple: option indexes; ranking: all option indexes in order
  | string // wordcloud and open text
  | { group: string; text: string }; // group answers

/**
 * What a browser sends. `ref` is echoed in the answer, so a client can match answers to its requests.
 * Join codes, poll ids, identities and keys have the formats the server's schemas check.
 */
export type ClientMessage =
  /** Asks for a new room. Needs `password` when the server has PRESENTER_PASSWORD set. */
  | { type: 'create-room'; ref?: number; password?: string }
  /**
   * A participant's phone joins a room: with the identity the server gave it for this room, or without
   * one the first time (the snapshot then carries a new one). One connection is one participant.
   */
  | { type: 'join'; ref?: number; room: string; identity?: string }
  /** The presenter's deck joins a room with its key; the remote control with its remote token in `key`. */
  | { type: 'present'; ref?: number; room: string; key: string }
  /** The deck (with the room key, not a remote token) asks for a new remote-control link; the old one stops working. */
  | { type: 'new-remote-link'; ref?: number }
  /** A participant votes; a second vote in the same round replaces the first. */
  | { type: 'vote'; ref?: number; poll: string; value: VoteValue }
  | PresenterAction;

/** Presenter-only actions: refused without a key. */
export type PresenterAction =
  /** The presenter is on this poll's slide (null: on a slide without poll). Phones follow. */
  | { type: 'show'; ref?: number; poll: string | null }
  | { type: 'open'; ref?: number; poll: string }
  | { type: 'close'; ref?: number; poll: string }
  | { type: 'reveal'; ref?: number; poll: string; revealed: boolean }
  /** Starts a new round: earlier rounds are kept for export. */
  | { type: 'reset'; ref?: number; poll: string }
  /**
   * The countdown of a case's group exercise, as the presenter's deck runs it: the deck keeps the time,
   * the server passes it on to the phones. `exercise` is the case's slug; null stops showing it.
   */
  | { type: 'timer'; ref?: number; timer: TimerState | null }
  /** Shows (or hides) an open-text or group answer on the screen. */
  | { type: 'approve'; ref?: number; poll: string; answer: number; approved: boolean }
  /**
   * The presenter asks for a page of waiting answers (moderation): the newest ANSWER_PAGE waiting
   * answers older than the answer `before`, or the newest ones without it. Answered with `pending-page`.
   */
  | { type: 'pending'; ref?: number; poll: string; before?: number }
  /** Takes a word off a word cloud for the rest of this round, also when someone sends it again. */
  | { type: 'remove-word'; ref?: number; poll: string; word: string }
  /**
   * Where the audience view stands (slide, black screen), as a presenter console set it: the server keeps
   * it for a reload and passes it on to the room's other presenter windows (remote control, audience view).
   */
  | { type: 'view'; ref?: number; view: ViewState }
  /**
   * A part of the workshop plan starts (the deck runs `?plan=…` and the slide on screen moved into it):
   * `part` as the built deck names it (`block-3`, `case-1`, `break`, …). Kept for the session report.
   */
  | { type: 'plan-part'; ref?: number; plan: string; part: string };

/** The slide the audience view shows, and whether it is blanked. */
export interface ViewState {
  /** reveal.js's indices: the horizontal slide and the vertical one inside it. */
  slide: { h: number; v: number };
  black: boolean;
  /**
   * When the console that set it made the change (its clock, ms since the epoch): of two consoles the
   * newer change wins, also when the older one arrives later.
   */
  at: number;
}

/** The highest slide index a view may name. */
export const MAX_SLIDE_INDEX = 999;

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
  // Normalised, most frequent first; a moderated word cloud counts approved words only and gives the
  // presenter the words still waiting in `pending`, oldest first: in the server's messages the newest
  // ANSWER_PAGE of them, and in `pendingTotal` how many wait.
  | { kind: 'words'; words: { word: string; count: number }[]; pending?: OpenAnswer[]; pendingTotal?: number }
  // Open text and group answers, oldest first. In the server's messages a page: the newest
  // ANSWER_PAGE approved and the newest ANSWER_PAGE waiting ones, and in `counts` how many there are.
  | { kind: 'answers'; answers: OpenAnswer[]; counts?: AnswerCounts }
  | { kind: 'ranking'; scores: number[] }; // Borda points per option

export interface OpenAnswer {
  id: number;
  text: string;
  approved: boolean;
  /** The group's name, for group answers. */
  group?: string;
}

/** How many answers of a round are approved and how many wait, when a message carries only a page of them. */
export interface AnswerCounts {
  approved: number;
  pending: number;
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
  | 'unknown-part' // a plan part the deck's plans do not have
  | 'already-joined' // this connection is already in a room as someone else (another room, identity or role)
  | 'bad-identity' // an identity the server did not issue for this room: join again without one
  | 'identity-limit' // too many new participants from this address just now: try again in a little while
  | 'not-current' // a vote for a poll that is no longer on screen
  | 'unavailable' // the database cannot be reached for the moment: nothing was stored
  | 'server-error';

export type ServerMessage =
  | { type: 'room-created'; ref?: number; room: string; key: string }
  /** The answer to `new-remote-link`: the token for the remote control, shown once, stored only as a hash. */
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
      /** Participant: the identity to present when joining this room again (reconnect, reload). */
      identity?: string;
      /** The countdown of a group exercise, when one is running or paused. */
      timer: TimerState | null;
      /** Presenter: where the audience view stands, once a console set it. */
      view?: ViewState | null;
    }
  | { type: 'state'; current: PollState | null; changed: PollState }
  | { type: 'results'; results: PollResults }
  | { type: 'presence'; participants: number }
  | { type: 'timer'; timer: TimerState | null }
  /** To presenters only: a console moved the audience view. */
  | { type: 'view'; view: ViewState }
  /** Sent after the vote is committed to the database, never before. */
  | { type: 'ack'; ref?: number; poll: string; round: number; value: VoteValue }
  | { type: 'ok'; ref?: number }
  /** The answer to `pending`: a page of waiting answers, oldest first, and how many wait in all. */
  | { type: 'pending-page'; ref?: number; poll: string; round: number; answers: OpenAnswer[]; pending: number }
  | { type: 'error'; ref?: number; code: ErrorCode; message: string };
