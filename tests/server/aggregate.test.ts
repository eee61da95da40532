import { describe, expect, it } from 'vitest';
import {
  bordaScores,
  countOptions,
  countWords,
  normaliseWord,
  openAnswers,
  scaleDistribution,
  WORD_CLOUD_MAX_WORDS,
} from '../../src/shared/aggregate.ts';
import { aggregate } from '../../src/shared/pollTypes/rules.ts';
import { POLLS } from './helpers/testDeck.ts';

describe('Borda count', () => {
  it('gives n-1 points for first place down to 0 for last', () => {
    expect(bordaScores(3, [[2, 0, 1]])).toEqual([1, 0, 2]);
  });

  it('adds the points of every ranking', () => {
    const rankings = [
      [0, 1, 2, 3],
      [1, 0, 2, 3],
      [1, 2, 0, 3],
    ];
    // option 0: 3+2+1, option 1: 2+3+3, option 2: 1+1+2, option 3: 0
    expect(bordaScores(4, rankings)).toEqual([6, 8, 4, 0]);
  });

  it('skips rankings that are not a full permutation of the options', () => {
    expect(bordaScores(3, [[0, 1], [0, 0, 1], [0, 1, 5], 2, 'x', [2, 1, 0]])).toEqual([0, 1, 2]);
  });
});

describe('scale', () => {
  it('counts each point and averages the votes', () => {
    expect(scaleDistribution(1, 5, [1, 2, 2, 5])).toEqual({ counts: [1, 2, 0, 0, 1], average: 2.5 });
  });

  it('has no average without votes', () => {
    expect(scaleDistribution(1, 3, [])).toEqual({ counts: [0, 0, 0], average: null });
  });

  it('works for a scale below zero and ignores values outside it', () => {
    expect(scaleDistribution(-2, 2, [-2, 2, 0, 3, -3, 1.5])).toEqual({ counts: [1, 0, 1, 0, 1], average: 0 });
  });
});

describe('word normalisation', () => {
  it.each([
    ['  Taal  ', 'taal'],
    ['TAAL!', 'taal'],
    ['"taal."', 'taal'],
    ['¿Werk?', 'werk'],
    ['veel   te\tveel', 'veel te veel'],
    ['samen-werken', 'samen-werken'],
    ['e\u0301e\u0301n', 'één'],
    ['...', ''],
  ])('%j -> %j', (input, expected) => {
    expect(normaliseWord(input)).toBe(expected);
  });

  it('makes decomposed and composed accents the same word', () => {
    expect(normaliseWord('Cafe\u0301')).toBe(normaliseWord('café'));
  });

  it('groups equal words, most frequent first, ties alphabetical', () => {
    expect(countWords(['Taal', 'werk ', 'taal!', 'geduld', 'WERK', 'taal', 'Ávond'])).toEqual([
      { word: 'taal', count: 3 },
      { word: 'werk', count: 2 },
      { word: 'ávond', count: 1 },
      { word: 'geduld', count: 1 },
    ]);
  });

  it(`keeps at most ${WORD_CLOUD_MAX_WORDS} words`, () => {
    const words = Array.from({ length: 80 }, (_, k) => `woord${k}`);
    expect(countWords(words)).toHaveLength(WORD_CLOUD_MAX_WORDS);
  });
});

describe('option counts', () => {
  it('counts single votes and each pick of a multiple vote once', () => {
    expect(countOptions(3, [0, 2, 2, [0, 1], [1, 1]])).toEqual([2, 2, 2]);
  });

  it('ignores options the poll does not have', () => {
    expect(countOptions(2, [5, -1, [0, 9]])).toEqual([1, 0]);
  });
});

describe('open answers', () => {
  const votes = [
    { id: 7, value: 'later', approved: false },
    { id: 3, value: 'eerst', approved: true },
  ];

  it('shows the presenter every answer, oldest first', () => {
    expect(openAnswers(votes, 'presenter').map((a) => a.id)).toEqual([3, 7]);
  });

  it('shows everyone else only approved answers', () => {
    expect(openAnswers(votes, 'public')).toEqual([{ id: 3, text: 'eerst', approved: true }]);
  });

  it('shows a rejected answer to nobody, of an open question, a group and a word cloud', () => {
    const rejected = { id: 9, value: 'afgewezen', approved: false, rejected: true };
    expect(openAnswers([...votes, rejected], 'presenter').map((a) => a.id)).toEqual([3, 7]);
    const group = { id: 9, value: { group: 'Tafel 1', text: 'weg' }, approved: false, rejected: true };
    expect(aggregate(POLLS.group, [group], 'presenter')).toEqual({ kind: 'answers', answers: [] });
    const moderated = { ...POLLS.wordcloud, moderation: 'approve' as const };
    expect(aggregate(moderated, [rejected, { id: 2, value: 'taal', approved: false }], 'presenter')).toEqual({
      kind: 'words',
      words: [],
      pending: [{ id: 2, text: 'taal', approved: false }],
    });
  });
});

describe('aggregate', () => {
  const record = (value: unknown, id = 1) => ({ id, value: value as number, approved: true });

  it('picks the result kind by poll type', () => {
    expect(aggregate(POLLS.single, [record(1)], 'presenter')).toEqual({ kind: 'counts', counts: [0, 1, 0] });
    expect(aggregate(POLLS.scale, [record(4)], 'presenter')).toEqual({
      kind: 'scale',
      counts: [0, 0, 0, 1, 0],
      average: 4,
    });
    expect(aggregate(POLLS.ranking, [record([1, 2, 0])], 'presenter')).toEqual({ kind: 'ranking', scores: [0, 2, 1] });
    expect(aggregate(POLLS.wordcloud, [record('Hoi')], 'public')).toEqual({
      kind: 'words',
      words: [{ word: 'hoi', count: 1 }],
    });
  });
});
