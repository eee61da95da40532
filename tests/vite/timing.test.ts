import { expect, test } from 'vitest';
import { spreadTiming } from '../../src/vite/render/slide.ts';

test('shares a part’s minutes over its slides, with fixed minutes for the exercise', () => {
  expect(spreadTiming(20, 5, new Map([[4, 10]]))).toEqual([150, 150, 150, 150, 600]);
  expect(spreadTiming(6, 3)).toEqual([120, 120, 120]);
  expect(spreadTiming(null, 3)).toEqual([]);
});

test('gives every slide at least a minute when the fixed part takes it all', () => {
  expect(spreadTiming(10, 3, new Map([[2, 10]]))).toEqual([60, 60, 600]);
});
