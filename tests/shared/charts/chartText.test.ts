import { expect, test } from 'vitest';
import { formatDecimal, percentOf, pointsText } from '../../../src/shared/charts/chartText.ts';

test('numbers in Dutch: a decimal comma, whole percentages', () => {
  expect(formatDecimal(3.4)).toBe('3,4');
  expect(formatDecimal(3)).toBe('3,0');
  expect(formatDecimal(2.25)).toMatch(/^2,[23]$/);
  expect(percentOf(1, 3)).toBe(33);
  expect(percentOf(2, 3)).toBe(67);
  expect(percentOf(0, 0)).toBe(0);
});

test('points, singular and plural', () => {
  expect(pointsText(1)).toBe('1 punt');
  expect(pointsText(14)).toBe('14 punten');
});
