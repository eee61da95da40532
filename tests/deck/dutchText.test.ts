import { expect, test } from 'vitest';
import { answeredText, connectedText, formatDecimal, percentOf, pointsText } from '../../src/deck/polls/dutchText.ts';

test('numbers in Dutch: a decimal comma, whole percentages', () => {
  expect(formatDecimal(3.4)).toBe('3,4');
  expect(formatDecimal(3)).toBe('3,0');
  expect(formatDecimal(2.25)).toMatch(/^2,[23]$/);
  expect(percentOf(1, 3)).toBe(33);
  expect(percentOf(2, 3)).toBe(67);
  expect(percentOf(0, 0)).toBe(0);
});

test('who answered and who is connected, singular and plural', () => {
  expect(answeredText(12, 30)).toBe('12 van 30 hebben geantwoord');
  expect(answeredText(1, 30)).toBe('1 van 30 heeft geantwoord');
  expect(answeredText(0, 30)).toBe('Nog niemand heeft geantwoord');
  // People who answered and then closed their phone are no longer connected.
  expect(answeredText(5, 3)).toBe('5 hebben geantwoord');
  expect(connectedText(0)).toBe('Nog niemand verbonden');
  expect(connectedText(1)).toBe('1 persoon verbonden');
  expect(connectedText(30)).toBe('30 mensen verbonden');
  expect(pointsText(1)).toBe('1 punt');
  expect(pointsText(14)).toBe('14 punten');
});
