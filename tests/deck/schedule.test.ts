import { expect, test } from 'vitest';
import { formatTime, parseTime, schedule } from '../../src/shared/schedule.ts';

test('reads and writes clock times', () => {
  expect(parseTime('09:30')).toBe(570);
  expect(parseTime('9:05')).toBe(545);
  expect(parseTime('24:00')).toBeNull();
  expect(parseTime('half tien')).toBeNull();
  expect(formatTime(570)).toBe('09:30');
  expect(formatTime(1445)).toBe('00:05');
});

test('puts the parts one after the other from the start time', () => {
  const items = [
    { part: 'slide-welkom', label: 'Welkom', minutes: 5 },
    { part: 'block-1', label: 'Bouwsteen 1', minutes: 15 },
    { part: 'break', label: 'Pauze', minutes: 45 },
    { part: 'case-1', label: 'Casus 1', minutes: 20 },
  ];
  expect(schedule(items, '11:50').map((i) => `${i.from}-${i.to}`)).toEqual([
    '11:50-11:55',
    '11:55-12:10',
    '12:10-12:55',
    '12:55-13:15',
  ]);
});
