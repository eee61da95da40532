import type { OpenAnswer, VoteValue } from './protocol.ts';
import { wordForm } from './textRules.ts';

// The counting behind a poll round's results, from the stored votes (one per participant); each poll
// type (src/shared/pollTypes) picks its way to count. Pure, so the server and the export can
// use it. Values that do not fit the poll (a deck edited after the votes were cast) are skipped.

/** How many different words a word cloud shows. */
export const WORD_CLOUD_MAX_WORDS = 50;

export interface VoteRecord {
  /** The stored vote's id: an open answer is approved by it. */
  id: number;
  value: VoteValue;
  /** Only meaningful for open answers: shown to everyone, not just the presenter. */
  approved: boolean;
  /**
   * The presenter rejected it (never approved then): out of every result, waiting list and report, though
   * the participant still counts as having voted. Absent: not rejected.
   */
  rejected?: boolean;
}

/** Who looks: the presenter sees every open answer, everyone else only the approved ones. */
export type Audience = 'presenter' | 'public';

const isIndex = (value: unknown, count: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;

/** Votes per option; a multiple-choice vote counts once for each option it picks. */
export function countOptions(optionCount: number, values: VoteValue[]): number[] {
  const counts = new Array<number>(optionCount).fill(0);
  for (const value of values) {
    const picks = Array.isArray(value) ? new Set(value) : [value];
    for (const pick of picks) if (isIndex(pick, optionCount)) counts[pick] = (counts[pick] ?? 0) + 1;
  }
  return counts;
}

/** Votes per point of the scale (min..max) and their average, null without votes. */
export function scaleDistribution(
  min: number,
  max: number,
  values: VoteValue[],
): { counts: number[]; average: number | null } {
  const counts = new Array<number>(max - min + 1).fill(0);
  let sum = 0;
  let n = 0;
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) continue;
    counts[value - min] = (counts[value - min] ?? 0) + 1;
    sum += value;
    n++;
  }
  return { counts, average: n === 0 ? null : sum / n };
}

/**
 * Borda count: with n options, first place earns n-1 points, second n-2, …, last 0. A ranking that is
 * not a full permutation of the options is skipped.
 */
export function bordaScores(optionCount: number, rankings: VoteValue[]): number[] {
  const scores = new Array<number>(optionCount).fill(0);
  for (const ranking of rankings) {
    if (!isPermutation(ranking, optionCount)) continue;
    ranking.forEach((option, place) => {
      scores[option] = (scores[option] ?? 0) + (optionCount - 1 - place);
    });
  }
  return scores;
}

export function isPermutation(value: unknown, count: number): value is number[] {
  return (
    Array.isArray(value) &&
    value.length === count &&
    new Set(value).size === count &&
    value.every((option) => isIndex(option, count))
  );
}

/**
 * The form in which word-cloud answers are compared: look-alikes made one (wordForm: NFKC, no invisible
 * characters), lower case, runs of white space made one space, punctuation stripped from both ends
 * ("Taal!", " taal ", "ＴＡＡＬ" and "TAAL." are the same word).
 */
export function normaliseWord(text: string): string {
  return wordForm(text)
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^\p{P}+|\p{P}+$/gu, '')
    .trim();
}

/** Equal words grouped and counted, most frequent first (ties alphabetical), at most `limit` words. */
export function countWords(values: VoteValue[], limit = WORD_CLOUD_MAX_WORDS): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const word = normaliseWord(value);
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'nl'))
    .slice(0, limit);
}

/** Whether an answer is seen by `audience`: the presenter sees the waiting ones too, nobody a rejected one. */
const seenBy = (vote: VoteRecord, audience: Audience): boolean =>
  !vote.rejected && (audience === 'presenter' || vote.approved);

/** Open answers, oldest first; the public sees only the approved ones. */
export function openAnswers(votes: VoteRecord[], audience: Audience): OpenAnswer[] {
  return [...votes]
    .sort((a, b) => a.id - b.id)
    .filter((vote): vote is VoteRecord & { value: string } => typeof vote.value === 'string')
    .filter((vote) => seenBy(vote, audience))
    .map((vote) => ({ id: vote.id, text: vote.value, approved: vote.approved }));
}

const isGroupAnswer = (value: VoteValue): value is { group: string; text: string } =>
  typeof value === 'object' && !Array.isArray(value) && value !== null;

/** Group answers, oldest first, each with its group's name; the public sees only the approved ones. */
export function groupAnswers(votes: VoteRecord[], audience: Audience): OpenAnswer[] {
  return [...votes]
    .sort((a, b) => a.id - b.id)
    .filter((vote): vote is VoteRecord & { value: { group: string; text: string } } => isGroupAnswer(vote.value))
    .filter((vote) => seenBy(vote, audience))
    .map((vote) => ({ id: vote.id, group: vote.value.group, text: vote.value.text, approved: vote.approved }));
}
