import { isPermutation, normaliseWord } from '../shared/aggregate.ts';
import type { Poll } from '../shared/deck.ts';
import { LIMITS, type VoteValue } from '../shared/protocol.ts';
import { textProblem, type TextProblem } from '../shared/textRules.ts';

// Whether a vote value fits its poll as deck.json defines it. The message schema has already checked the
// value's shape in general; this checks it against the one poll: options that exist, the scale's range,
// the text limits.

/** `bad-text`: text that would look like something else (textRules); `bad-vote`: anything else. */
type Refusal = 'bad-vote' | 'bad-text';

export type VoteCheck = { ok: true; value: VoteValue } | { ok: false; code: Refusal; message: string };

/** Control characters other than tab and line breaks have no place in an answer typed on a phone. */
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/u;

const refuse = (message: string, code: Refusal = 'bad-vote'): VoteCheck => ({ ok: false, code, message });

/** Text that would look like something else on screen (see textRules), in words for the client. */
const TEXT_PROBLEMS: Record<TextProblem, string> = {
  'bidi-control': 'the answer contains characters that reorder text',
  invisible: 'the answer contains invisible characters',
  'lone-surrogate': 'the answer contains a broken character',
  'mark-run': 'the answer stacks too many accents on one letter',
};

const isOptionIndex = (value: unknown, poll: Poll): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < poll.options.length;

/** Length in characters as a person counts them (code points), not UTF-16 units. */
const characterCount = (text: string): number => [...text].length;

function checkText(value: VoteValue, maxChars: number): VoteCheck {
  if (typeof value !== 'string') return refuse('this poll takes a text answer');
  const text = value.trim();
  if (text.length === 0) return refuse('the answer is empty');
  if (characterCount(text) > maxChars) return refuse(`the answer is longer than ${maxChars} characters`);
  if (CONTROL_CHARACTERS.test(text)) return refuse('the answer contains control characters');
  const problem = textProblem(text);
  if (problem) return refuse(TEXT_PROBLEMS[problem], 'bad-text');
  return { ok: true, value: text };
}

/** Checks `value` against `poll`; on success returns the value to store (text trimmed). */
export function checkVote(poll: Poll, value: VoteValue): VoteCheck {
  switch (poll.type) {
    case 'single':
      return isOptionIndex(value, poll) ? { ok: true, value } : refuse('this poll has no such option');
    case 'multiple': {
      if (!Array.isArray(value)) return refuse('this poll takes a list of options');
      if (!value.every((pick) => isOptionIndex(pick, poll))) return refuse('this poll has no such option');
      if (new Set(value).size !== value.length) return refuse('an option is picked twice');
      if (value.length > poll.max) return refuse(`at most ${poll.max} options may be picked`);
      return { ok: true, value };
    }
    case 'scale':
      return typeof value === 'number' && value >= poll.min && value <= poll.max
        ? { ok: true, value }
        : refuse(`pick a whole number from ${poll.min} to ${poll.max}`);
    case 'ranking':
      return isPermutation(value, poll.options.length)
        ? { ok: true, value }
        : refuse('a ranking puts every option in order, each once');
    case 'wordcloud': {
      const checked = checkText(value, LIMITS.wordChars);
      if (checked.ok && normaliseWord(String(checked.value)) === '') return refuse('the answer has no word in it');
      return checked;
    }
    case 'open':
      return checkText(value, LIMITS.openChars);
    case 'group': {
      if (typeof value !== 'object' || Array.isArray(value)) return refuse('this poll takes a group name and a text');
      const group = checkText(value.group, LIMITS.groupChars);
      if (!group.ok) return refuse(`group name: ${group.message}`, group.code);
      const text = checkText(value.text, LIMITS.openChars);
      if (!text.ok) return text;
      return { ok: true, value: { group: String(group.value), text: String(text.value) } };
    }
  }
}
