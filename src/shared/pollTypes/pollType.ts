import type { Audience, VoteRecord } from '../aggregate.ts';
import type { Poll } from '../deck.ts';
import type { Results, VoteValue } from '../protocol.ts';

// What every side knows of one poll type, in the type's own module (single.ts, scale.ts, …): its words
// (names, a vote described apart from them) and its rules (whether a vote fits, the results of a round), found by type in
// words.ts and rules.ts, apart so the phone loads only the words. Free of libraries. The other sides keep
// their own part of a type, each found by type in its own registry: the answer form (phone and self-study) in
// src/client/forms, the deck's chart in src/deck/polls/charts/chartTypes.ts (see docs/architecture.md).

/** `bad-text`: text that would look like something else (textRules); `bad-vote`: anything else. */
export type Refusal = 'bad-vote' | 'bad-text';

export type VoteCheck = { ok: true; value: VoteValue } | { ok: false; code: Refusal; message: string };

/**
 * A vote as the person would say it, one line each: for the phone's confirmation. Wrong shapes: none.
 * Each type exports it apart from its words, so the phone loads it without the deck's words (words.ts).
 */
export type VoteDescription<P extends Poll> = (poll: P, value: VoteValue) => string[];

/** What a poll type says to people, on every side; light, so the phone loads only this part. */
export interface PollTypeWords<P extends Poll> {
  /** The type as the trainer calls it, e.g. on the remote control: "woordwolk". */
  name: string;
  /** How to answer, as the poll's slide says it: "Kies één antwoord". */
  instruction(poll: P): string;
  /** A self-study reader's own answer told back in one sentence: "Jouw antwoord: …". */
  tellBack(poll: P, value: VoteValue): string;
}

/** How a poll type counts: for the server, the export and the self-study deck. */
export interface PollTypeRules<P extends Poll> {
  /**
   * Whether `value` (from a phone, or from a browser's storage: anything) fits the poll; on success
   * the value to store (text trimmed). The server refuses every vote that fails this.
   */
  checkVote(poll: P, value: unknown): VoteCheck;
  /** The results of one round as `audience` may see them; `removed`: words taken off a word cloud. */
  aggregate(poll: P, votes: VoteRecord[], audience: Audience, removed: ReadonlySet<string>): Results;
}
