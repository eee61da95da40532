import type { Poll } from '../../shared/deck.ts';
import type { VoteValue } from '../../shared/protocol.ts';

// A self-study reader's own answers, kept in their browser only: nothing is sent anywhere.

export const SELF_STUDY_KEY = 'deck-self-study-answers';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

/** Whether a stored value is a possible answer to the poll (storage can hold anything). */
export function isAnswerTo(poll: Poll, value: unknown): value is VoteValue {
  const isIndex = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < poll.options.length;
  switch (poll.type) {
    case 'single':
      return isIndex(value);
    case 'multiple':
      return (
        Array.isArray(value) &&
        value.length >= 1 &&
        value.length <= poll.max &&
        value.every(isIndex) &&
        new Set(value).size === value.length
      );
    case 'scale':
      return Number.isInteger(value) && (value as number) >= poll.min && (value as number) <= poll.max;
    case 'ranking':
      return (
        Array.isArray(value) &&
        value.length === poll.options.length &&
        value.every(isIndex) &&
        new Set(value).size === value.length
      );
    case 'wordcloud':
    case 'open':
    case 'group':
      return typeof value === 'string' && value.trim().length > 0;
  }
}

/** The reader's answer in words, shown back under the poll. */
export function describeAnswer(poll: Poll, value: VoteValue): string {
  const option = (k: number) => poll.options[k] ?? '';
  switch (poll.type) {
    case 'single':
      return `Jouw antwoord: ${option(value as number)}`;
    case 'multiple': {
      const picked = (value as number[]).map(option);
      return picked.length === 1 ? `Jouw antwoord: ${picked[0]}` : `Jouw antwoorden: ${picked.join(', ')}`;
    }
    case 'scale':
      return `Jouw antwoord: ${value as number} (van ${poll.min} = ${poll.labels[0]} tot ${poll.max} = ${poll.labels[1]})`;
    case 'ranking':
      return `Jouw volgorde: ${(value as number[]).map((k, place) => `${place + 1}. ${option(k)}`).join(', ')}`;
    case 'wordcloud':
    case 'open':
    case 'group':
      return `Jouw antwoord: „${String(value).trim()}”`;
  }
}

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
