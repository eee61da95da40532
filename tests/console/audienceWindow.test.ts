import { expect, test } from 'vitest';
import { audienceUrl } from '../../src/console/audienceWindow.ts';
import { describeChange } from '../../src/console/pollChanges.ts';

test('the audience view opens the same deck and plan, without the console’s own parameters', () => {
  expect(audienceUrl({ pathname: '/', search: '' })).toBe('/?audience');
  expect(audienceUrl({ pathname: '/deck/index.html', search: '?plan=dagdeel&start=13%3A30' })).toBe(
    '/deck/index.html?audience&plan=dagdeel&start=13%3A30',
  );
  expect(audienceUrl({ pathname: '/', search: '?console&plan=kennismaking' })).toBe('/?audience&plan=kennismaking');
  expect(audienceUrl({ pathname: '/', search: '?remote' })).toBe('/?audience');
});

test('a poll change is said in words for the screen reader', () => {
  const before = { poll: 'p', round: 1, open: true, revealed: false };
  expect(describeChange(before, { ...before, open: false, revealed: true })).toEqual([
    'De stemming is gesloten.',
    'De resultaten staan op het scherm.',
  ]);
  expect(describeChange(before, { ...before, round: 2 })).toEqual(['Ronde 2 is gestart.']);
  expect(describeChange(before, before)).toEqual([]);
});
