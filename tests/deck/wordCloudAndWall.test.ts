import { describe, expect, test } from 'vitest';
import { wallSelection } from '../../src/deck/polls/charts/answerWallSelection.ts';
import { WORD_CLOUD, wordCloudWords } from '../../src/shared/charts/wordCloudLayout.ts';

describe('word cloud', () => {
  const words = [
    { word: 'samen', count: 9 },
    { word: 'taal', count: 4 },
    { word: 'werk', count: 1 },
    { word: 'geduld', count: 4 },
    { word: 'netwerk', count: 2 },
  ];

  test('a word is as big as it is frequent, between the smallest and largest size', () => {
    const sized = wordCloudWords(words);
    const size = (w: string) => sized.find((s) => s.word === w)?.size ?? Number.NaN;
    expect(size('samen')).toBe(WORD_CLOUD.maxEm);
    expect(size('samen')).toBeGreaterThan(size('taal'));
    expect(size('taal')).toBe(size('geduld'));
    expect(size('taal')).toBeGreaterThan(size('netwerk'));
    expect(size('netwerk')).toBeGreaterThan(size('werk'));
    expect(size('werk')).toBeGreaterThanOrEqual(WORD_CLOUD.minEm);
  });

  test('the most frequent word stands in the middle', () => {
    const sized = wordCloudWords(words);
    expect(sized[Math.floor(sized.length / 2)]?.word).toBe('samen');
  });

  test('the same answers always give the same picture, whatever order they come in', () => {
    const once = wordCloudWords(words).map((w) => w.word);
    expect(wordCloudWords([...words].reverse()).map((w) => w.word)).toEqual(once);
  });

  test('at most `limit` words, the most frequent ones; words with count 0 left out', () => {
    const many = Array.from({ length: 60 }, (_, k) => ({ word: `w${k}`, count: k }));
    const shown = wordCloudWords(many, 10);
    expect(shown).toHaveLength(10);
    expect(Math.min(...shown.map((w) => w.count))).toBe(50);
    expect(wordCloudWords([{ word: 'x', count: 0 }])).toEqual([]);
  });
});

describe('answer wall', () => {
  const answer = (id: number, approved: boolean) => ({ id, text: `antwoord ${id}`, approved });

  test('only approved answers go on the wall; the others wait for the presenter in the console', () => {
    const selection = wallSelection([answer(1, true), answer(2, false), answer(3, true)], 6);
    expect(selection.shown.map((a) => a.id)).toEqual([1, 3]);
    expect(selection.earlier).toBe(0);
  });

  test('a full wall shows the newest answers and counts the earlier ones', () => {
    const answers = Array.from({ length: 10 }, (_, k) => answer(k + 1, true));
    const selection = wallSelection(answers, 6);
    expect(selection.shown.map((a) => a.id)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(selection.earlier).toBe(4);
  });
});
