import { expect, test } from 'vitest';
import { forgetOwnAnswers, markEnded, readOwnAnswers, rememberAnswer } from '../../../src/join/takeHome/ownAnswers.ts';
import { takeHomeKey } from '../../../src/join/takeHome/takeHomeKey.ts';
import { MemoryStorage } from '../../helpers/memoryStorage.ts';

const storage = () => new MemoryStorage();

test('keeps each answer per room, a changed answer of the same round replacing the earlier one', () => {
  const kept = storage();
  rememberAnswer(kept, 'K7Q4PM', { poll: 'start-rol', round: 1, value: 0 });
  rememberAnswer(kept, 'K7Q4PM', { poll: 'maatwerk-nu', round: 1, value: 2 });
  rememberAnswer(kept, 'K7Q4PM', { poll: 'maatwerk-nu', round: 2, value: 4 });
  rememberAnswer(kept, 'K7Q4PM', { poll: 'start-rol', round: 1, value: 3 });
  rememberAnswer(kept, 'ANDERS', { poll: 'start-rol', round: 1, value: 1 });
  expect(readOwnAnswers(kept, 'K7Q4PM')).toEqual({
    answers: [
      { poll: 'maatwerk-nu', round: 1, value: 2 },
      { poll: 'maatwerk-nu', round: 2, value: 4 },
      { poll: 'start-rol', round: 1, value: 3 },
    ],
    ended: false,
  });
  expect(readOwnAnswers(kept, 'ANDERS').answers).toHaveLength(1);
});

test('remembers that the session is ending, and forgets everything on request', () => {
  const kept = storage();
  rememberAnswer(kept, 'K7Q4PM', { poll: 'evaluatie-toepassen', round: 1, value: 'Bellen' });
  markEnded(kept, 'K7Q4PM');
  expect(readOwnAnswers(kept, 'K7Q4PM').ended).toBe(true);
  rememberAnswer(kept, 'K7Q4PM', { poll: 'evaluatie-nut', round: 1, value: 5 });
  expect(readOwnAnswers(kept, 'K7Q4PM')).toMatchObject({ ended: true, answers: { length: 2 } });
  forgetOwnAnswers(kept, 'K7Q4PM');
  expect(kept.getItem(takeHomeKey('K7Q4PM'))).toBeNull();
  expect(readOwnAnswers(kept, 'K7Q4PM')).toEqual({ answers: [], ended: false });
});

test('reads rubbish in storage, or no storage at all, as no answers', () => {
  const kept = storage();
  for (const rubbish of [
    '{',
    '[]',
    '{"answers":"x"}',
    '{"answers":[{"poll":1},null,{"poll":"a","round":1.5,"value":1}]}',
  ]) {
    kept.setItem(takeHomeKey('K7Q4PM'), rubbish);
    expect(readOwnAnswers(kept, 'K7Q4PM').answers, rubbish).toEqual([]);
  }
  expect(readOwnAnswers(null, 'K7Q4PM')).toEqual({ answers: [], ended: false });
  expect(() => rememberAnswer(null, 'K7Q4PM', { poll: 'a', round: 1, value: 1 })).not.toThrow();
});
