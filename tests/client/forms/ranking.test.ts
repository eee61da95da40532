import { describe, expect, test } from 'vitest';
import { initialRanking, moveItem } from '../../../src/client/forms/ranking.ts';

describe('reordering a ranking', () => {
  test('up and down swap with the neighbour', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  test('the first cannot go up nor the last down', () => {
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, 1)).toEqual(['a', 'b', 'c']);
  });

  test('the order it was given stays as it was', () => {
    const order = [0, 1, 2];
    moveItem(order, 0, 1);
    expect(order).toEqual([0, 1, 2]);
  });

  test('moving keeps every item exactly once', () => {
    let order = [0, 1, 2, 3, 4];
    for (const [from, step] of [
      [4, -1],
      [3, -1],
      [2, -1],
      [0, 1],
      [1, 1],
    ] as const)
      order = moveItem(order, from, step);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(order).toEqual([4, 1, 0, 2, 3]);
  });
});

describe('the starting order of a ranking', () => {
  test('an earlier full ranking comes back', () => {
    expect(initialRanking(3, [2, 0, 1])).toEqual([2, 0, 1]);
  });

  test('deck order when there is no earlier ranking, or it does not fit the options', () => {
    expect(initialRanking(3, null)).toEqual([0, 1, 2]);
    expect(initialRanking(3, 'tekst')).toEqual([0, 1, 2]);
    expect(initialRanking(3, [0, 1])).toEqual([0, 1, 2]);
    expect(initialRanking(3, [0, 0, 1])).toEqual([0, 1, 2]);
    expect(initialRanking(3, [1, 2, 3])).toEqual([0, 1, 2]);
  });
});
