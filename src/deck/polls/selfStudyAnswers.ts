import type { Poll } from '../../shared/deck.ts';
import type { VoteValue } from '../../shared/protocol.ts';
import { checkVote } from '../../shared/pollTypes/rules.ts';
import { wordsOf } from '../../shared/pollTypes/words.ts';

// A self-study reader's own answers, kept in their browser only: nothing is sent anywhere.

export const SELF_STUDY_KEY = 'deck-self-study-answers';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * Whether a stored value is a filled-in answer to the poll (storage can hold anything): the server's
 * rule for a vote, and at least one pick.
 */
export function isAnswerTo(poll: Poll, value: unknown): value is VoteValue {
  return checkVote(poll, value).ok && !(Array.isArray(value) && value.length === 0);
}

/** The reader's answer in words, shown back under the poll. */
export const describeAnswer = (poll: Poll, value: VoteValue): string => wordsOf(poll).tellBack(poll, value);

/** All stored answers; broken or missing storage gives none. */
export function loadAnswers(store: Store | null): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(store?.getItem(SELF_STUDY_KEY) ?? '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Stores (or with null removes) the answer to one poll, keeping the others. */
export function saveAnswer(store: Store | null, poll: string, value: VoteValue | null): void {
  const others = Object.entries(loadAnswers(store)).filter(([id]) => id !== poll);
  const answers = Object.fromEntries(value === null ? others : [...others, [poll, value]]);
  try {
    store?.setItem(SELF_STUDY_KEY, JSON.stringify(answers));
  } catch {
    // Storage full or switched off: the answer lasts as long as the page.
  }
}
