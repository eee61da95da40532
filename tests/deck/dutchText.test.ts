import { expect, test } from 'vitest';
import { answeredText, connectedText } from '../../src/deck/polls/dutchText.ts';

test('who answered and who is connected, singular and plural', () => {
  expect(answeredText(12, 30)).toBe('12 van 30 hebben geantwoord');
  expect(answeredText(1, 30)).toBe('1 van 30 heeft geantwoord');
  expect(answeredText(0, 30)).toBe('Nog niemand heeft geantwoord');
  // People who answered and then closed their phone are no longer connected.
  expect(answeredText(5, 3)).toBe('5 hebben geantwoord');
  expect(connectedText(0)).toBe('Nog niemand verbonden');
  expect(connectedText(1)).toBe('1 persoon verbonden');
  expect(connectedText(30)).toBe('30 mensen verbonden');
});
