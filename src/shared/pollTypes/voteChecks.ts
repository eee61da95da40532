import { textProblem, type TextProblem } from '../textRules.ts';
import type { Poll } from '../deck.ts';
import type { VoteValue } from '../protocol.ts';
import type { PollTypeWords, Refusal, VoteCheck } from './pollType.ts';

// The pieces the poll types' vote checks and words are made of.

/** Control characters other than tab and line breaks have no place in an answer typed on a phone. */
const CONTROL_CHARACTERS = /[^\P{Cc}\t\n\r]/u;

export const refuse = (message: string, code: Refusal = 'bad-vote'): VoteCheck => ({ ok: false, code, message });

/** Text that would look like something else on screen (see textRules), in words for the client. */
const TEXT_PROBLEMS: Record<TextProblem, string> = {
  'bidi-control': 'the answer contains characters that reorder text',
  invisible: 'the answer contains invisible characters',
  'lone-surrogate': 'the answer contains a broken character',
  'mark-run': 'the answer stacks too many accents on one letter',
};

export const isOptionIndex = (value: unknown, poll: Poll): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < poll.options.length;

/** Length in characters as a person counts them (code points), not UTF-16 units. */
const characterCount = (text: string): number => [...text].length;

export function checkText(value: unknown, maxChars: number): VoteCheck {
  if (typeof value !== 'string') return refuse('this poll takes a text answer');
  const text = value.trim();
  if (text.length === 0) return refuse('the answer is empty');
  if (characterCount(text) > maxChars) return refuse(`the answer is longer than ${maxChars} characters`);
  if (CONTROL_CHARACTERS.test(text)) return refuse('the answer contains control characters');
  const problem = textProblem(text);
  if (problem) return refuse(TEXT_PROBLEMS[problem], 'bad-text');
  return { ok: true, value: text };
}

/** The option texts of a vote, for its description; an index without option shows as "?". */
export const optionText = (poll: Poll, index: number): string => poll.options[index] ?? '?';

/** A vote in typed text (a word cloud, an open question): the text as typed. */
export const typedVote = (_poll: Poll, value: VoteValue): string[] => (typeof value === 'string' ? [value] : []);

/** The words of a poll answered in typed text. */
export const typedAnswerWords = <P extends Poll>(name: string, instruction: string): PollTypeWords<P> => ({
  name,
  instruction: () => instruction,
  tellBack: (_poll, value) => tellBackText(value),
});

/** A typed answer told back, in quotes. */
export const tellBackText = (value: VoteValue): string => `Jouw antwoord: „${String(value).trim()}”`;
