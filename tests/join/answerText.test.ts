import { describe, expect, test } from 'vitest';
import type { Poll } from '../../src/shared/deck.ts';
import { describeVote } from '../../src/shared/pollTypes/words.ts';
import { resultRows } from '../../src/client/resultRows.ts';

const base = { question: 'Vraag?', hidden: false };
const single: Poll = { ...base, id: 's', type: 'single', options: ['Ja', 'Nee', 'Soms'] };
const multiple: Poll = { ...base, id: 'm', type: 'multiple', options: ['A', 'B', 'C'], max: 2 };
const scale: Poll = {
  ...base,
  id: 'sc',
  type: 'scale',
  min: 1,
  max: 5,
  labels: ['Weinig', 'Veel'],
  options: ['1', '2', '3', '4', '5'],
};
const ranking: Poll = { ...base, id: 'r', type: 'ranking', options: ['Eerst', 'Dan', 'Laatst'] };
const open: Poll = { ...base, id: 'o', type: 'open', moderation: 'approve', options: [] };

describe('a vote in words, for the confirmation', () => {
  test('choices show the option texts', () => {
    expect(describeVote(single, 1)).toEqual(['Nee']);
    expect(describeVote(multiple, [2, 0])).toEqual(['A', 'C']);
  });

  test('a scale shows the point, with the label at either end', () => {
    expect(describeVote(scale, 3)).toEqual(['3']);
    expect(describeVote(scale, 1)).toEqual(['1 (Weinig)']);
    expect(describeVote(scale, 5)).toEqual(['5 (Veel)']);
  });

  test('a ranking shows the order with places', () => {
    expect(describeVote(ranking, [2, 0, 1])).toEqual(['1. Laatst', '2. Eerst', '3. Dan']);
  });

  test('text shows as typed, and a value of the wrong shape shows nothing', () => {
    expect(describeVote(open, '<b>hallo</b>')).toEqual(['<b>hallo</b>']);
    expect(describeVote(single, 'tekst')).toEqual([]);
    expect(describeVote(open, 3)).toEqual([]);
  });
});

describe('results as labelled numbers', () => {
  test('counts follow the deck order and fill missing numbers with 0', () => {
    expect(resultRows(single, { kind: 'counts', counts: [3, 1] })).toEqual([
      { label: 'Ja', value: 3 },
      { label: 'Nee', value: 1 },
      { label: 'Soms', value: 0 },
    ]);
  });

  test('a ranking puts the most points first', () => {
    expect(resultRows(ranking, { kind: 'ranking', scores: [2, 7, 4] }).map((row) => row.label)).toEqual([
      'Dan',
      'Laatst',
      'Eerst',
    ]);
  });

  test('words keep the server order; open answers are no numbers', () => {
    const words = [
      { word: 'taal', count: 4 },
      { word: 'werk', count: 2 },
    ];
    expect(resultRows(open, { kind: 'words', words })).toEqual([
      { label: 'taal', value: 4 },
      { label: 'werk', value: 2 },
    ]);
    expect(resultRows(open, { kind: 'answers', answers: [{ id: 1, text: 'x', approved: true }] })).toEqual([]);
  });
});
