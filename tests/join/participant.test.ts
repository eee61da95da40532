import { expect, test } from 'vitest';
import { forgetIdentity, keepIdentity, storedIdentity } from '../../src/join/participant.ts';
import { MemoryStorage } from '../helpers/memoryStorage.ts';

const identity = (k: number) => `${String(k).padStart(22, 'a')}.${'T'.repeat(22)}`;

test('an identity is kept per room and comes back on the next visit', () => {
  const storage = new MemoryStorage();
  expect(storedIdentity('K7Q4PM', storage)).toBeUndefined();
  keepIdentity('K7Q4PM', identity(1), storage);
  keepIdentity('ABCDEF', identity(2), storage);
  expect(storedIdentity('K7Q4PM', storage)).toBe(identity(1));
  expect(storedIdentity('ABCDEF', storage)).toBe(identity(2));
  forgetIdentity('K7Q4PM', storage);
  expect(storedIdentity('K7Q4PM', storage)).toBeUndefined();
  expect(storedIdentity('ABCDEF', storage)).toBe(identity(2));
});

test('only the newest twenty rooms are remembered', () => {
  const storage = new MemoryStorage();
  for (let k = 0; k < 25; k++) keepIdentity(`ROOM${String(k).padStart(2, '0')}`, identity(k), storage);
  expect(storedIdentity('ROOM04', storage)).toBeUndefined();
  expect(storedIdentity('ROOM05', storage)).toBe(identity(5));
  expect(storedIdentity('ROOM24', storage)).toBe(identity(24));
});

test('damaged storage gives no identity, and markup is never kept', () => {
  const storage = new MemoryStorage();
  storage.setItem('deck-identities', '{"K7Q4PM":"x\\"><script>","ABCDEF":42}');
  expect(storedIdentity('K7Q4PM', storage)).toBeUndefined();
  storage.setItem('deck-identities', 'not json');
  expect(storedIdentity('K7Q4PM', storage)).toBeUndefined();
  keepIdentity('K7Q4PM', '<img src=x>', storage);
  expect(storedIdentity('K7Q4PM', storage)).toBeUndefined();
});

test('without storage there is no stored identity, and keeping one does not throw', () => {
  expect(storedIdentity('K7Q4PM', null)).toBeUndefined();
  expect(() => keepIdentity('K7Q4PM', identity(1), null)).not.toThrow();
});
