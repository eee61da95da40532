import { describe, expect, test } from 'vitest';
import {
  describeAnswer,
  isAnswerTo,
  loadAnswers,
  saveAnswer,
  SELF_STUDY_KEY,
} from '../../src/deck/polls/selfStudyAnswers.ts';
import type { Poll } from '../../src/shared/deck.ts';
import { MemoryStorage } from '../helpers/memoryStorage.ts';

const single: Poll = { id: 's', type: 'single', question: 'Q', options: ['Gemeente', 'Werkgever'], hidden: false };
const multiple: Poll = { id: 'm', type: 'multiple', question: 'Q', options: ['a', 'b', 'c'], max: 2, hidden: false };
const scale: Poll = {
  id: 'sc',
  type: 'scale',
  question: 'Q',
  options: ['1', '2', '3', '4', '5'],
  min: 1,
  max: 5,
  labels: ['Bijna niets', 'Heel veel'],
  hidden: false,
};
const ranking: Poll = { id: 'r', type: 'ranking', question: 'Q', options: ['x', 'y', 'z'], hidden: false };
const open: Poll = { id: 'o', type: 'open', question: 'Q', options: [], moderation: 'approve', hidden: false };

describe("a self-study reader's own answers", () => {
  test('are told back in words', () => {
    expect(describeAnswer(single, 1)).toBe('Jouw antwoord: Werkgever');
    expect(describeAnswer(multiple, [0, 2])).toBe('Jouw antwoorden: a, c');
    expect(describeAnswer(multiple, [1])).toBe('Jouw antwoord: b');
    expect(describeAnswer(scale, 4)).toBe('Jouw antwoord: 4 (van 1 = Bijna niets tot 5 = Heel veel)');
    expect(describeAnswer(ranking, [2, 0, 1])).toBe('Jouw volgorde: 1. z, 2. x, 3. y');
    expect(describeAnswer(open, '  Een gesprek plannen ')).toBe('Jouw antwoord: „Een gesprek plannen”');
  });

  test('only a value that fits the poll counts as an answer', () => {
    expect(isAnswerTo(single, 1)).toBe(true);
    expect(isAnswerTo(single, 2)).toBe(false);
    expect(isAnswerTo(single, '1')).toBe(false);
    expect(isAnswerTo(multiple, [0, 1])).toBe(true);
    expect(isAnswerTo(multiple, [0, 1, 2])).toBe(false);
    expect(isAnswerTo(multiple, [1, 1])).toBe(false);
    expect(isAnswerTo(multiple, [])).toBe(false);
    expect(isAnswerTo(scale, 5)).toBe(true);
    expect(isAnswerTo(scale, 0)).toBe(false);
    expect(isAnswerTo(ranking, [2, 1, 0])).toBe(true);
    expect(isAnswerTo(ranking, [2, 1])).toBe(false);
    expect(isAnswerTo(open, 'tekst')).toBe(true);
    expect(isAnswerTo(open, '   ')).toBe(false);
    expect(isAnswerTo(open, { toString: 'x' })).toBe(false);
  });

  test("a stored answer follows the server's rule for a vote", () => {
    expect(isAnswerTo(scale, 2.5)).toBe(false);
    expect(isAnswerTo(open, 'tekst\u202E')).toBe(false);
    expect(isAnswerTo(open, null)).toBe(false);
  });

  test('are kept per poll in this browser, and can be wiped', () => {
    const storage = new MemoryStorage();
    saveAnswer(storage, 's', 1);
    saveAnswer(storage, 'o', 'tekst');
    expect(loadAnswers(storage)).toEqual({ s: 1, o: 'tekst' });
    saveAnswer(storage, 's', null);
    expect(loadAnswers(storage)).toEqual({ o: 'tekst' });
  });

  test('broken or missing storage gives no answers, without an error', () => {
    const storage = new MemoryStorage();
    storage.setItem(SELF_STUDY_KEY, '{not json');
    expect(loadAnswers(storage)).toEqual({});
    storage.setItem(SELF_STUDY_KEY, '[1,2]');
    expect(loadAnswers(storage)).toEqual({});
    expect(loadAnswers(null)).toEqual({});
    expect(() => saveAnswer(null, 's', 1)).not.toThrow();
  });
});
