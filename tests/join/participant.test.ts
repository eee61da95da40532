import { expect, test } from 'vitest';
import { base64Url, participantId } from '../../src/join/participant.ts';

class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
  key(): string | null {
    return null;
  }
}

test('base64url uses only the characters a participant id may hold', () => {
  expect(base64Url(new Uint8Array([251, 255, 191]))).toBe('-_-_');
  expect(base64Url(new Uint8Array(16))).toMatch(/^A{22}$/);
});

test('a participant id is random, 22 characters, and the same on the next visit', () => {
  const storage = new MemoryStorage();
  const first = participantId(storage);
  expect(first).toMatch(/^[A-Za-z0-9_-]{22}$/);
  expect(participantId(storage)).toBe(first);
  expect(participantId(new MemoryStorage())).not.toBe(first);
});

test('a damaged stored id is replaced', () => {
  const storage = new MemoryStorage();
  storage.setItem('deck-participant', 'x"><script>');
  expect(participantId(storage)).toMatch(/^[A-Za-z0-9_-]{22}$/);
});

test('without storage there is still an id for this visit', () => {
  expect(participantId(null)).toMatch(/^[A-Za-z0-9_-]{22}$/);
});
