import { describe, expect, test } from 'vitest';
import {
  comingParts,
  minutesBehind,
  notStartedText,
  plannedParts,
  standingText,
} from '../../src/console/planStanding.ts';
import type { AgendaItem } from '../../src/shared/deck.ts';

const items: AgendaItem[] = [
  { part: 'slide-welkom', label: 'Welkom', minutes: 10 },
  { part: 'block-1', label: 'Maatwerk', minutes: 30 },
  { part: 'break', label: 'Koffie', minutes: 15 },
];
const at = (hours: number, minutes: number) => hours * 60 + minutes;

describe('where the session stands against the plan', () => {
  const parts = plannedParts(items, '13:30');

  test('the agenda from the start time, part after part', () => {
    expect(parts).toEqual([
      { label: 'Welkom', from: at(13, 30), to: at(13, 40) },
      { label: 'Maatwerk', from: at(13, 40), to: at(14, 10) },
      { label: 'Koffie', from: at(14, 10), to: at(14, 25) },
    ]);
  });

  test('a part started late puts the session behind by that much, one started early ahead', () => {
    const [, maatwerk] = parts;
    if (!maatwerk) throw new Error('no part');
    expect(minutesBehind(maatwerk, at(13, 46), at(13, 50))).toBe(6);
    expect(minutesBehind(maatwerk, at(13, 37), at(13, 50))).toBe(-3);
    expect(minutesBehind(maatwerk, at(13, 40), at(14, 0))).toBe(0);
  });

  test('a part that runs past its end puts the session behind by the overrun', () => {
    const [, maatwerk] = parts;
    if (!maatwerk) throw new Error('no part');
    expect(minutesBehind(maatwerk, at(13, 40), at(14, 18))).toBe(8);
    expect(minutesBehind(maatwerk, at(13, 50), at(14, 12))).toBe(10);
  });

  test('in words, and the parts still to come at their new times', () => {
    expect(standingText(6)).toBe('6 min achter');
    expect(standingText(-3)).toBe('3 min voor');
    expect(standingText(0)).toBe('Op schema');
    expect(comingParts(parts, 0, 6)).toEqual([
      { label: 'Maatwerk', at: '13:46' },
      { label: 'Koffie', at: '14:16' },
    ]);
  });

  test('before the start time the session is not ahead: it begins at the start time', () => {
    expect(notStartedText(parts, at(12, 55))).toBe('begint om 13:30');
    expect(notStartedText(parts, at(13, 30))).toBeNull();
    expect(notStartedText(parts, at(14, 0))).toBeNull();
    expect(notStartedText([], at(12, 0))).toBeNull();
  });
});
