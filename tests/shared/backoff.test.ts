import { describe, expect, test } from 'vitest';
import { reconnectDelay, RECONNECT_BACKOFF } from '../../src/shared/backoff.ts';

const low = (): number => 0;
const high = (): number => 1;

describe('reconnect backoff', () => {
  test('the wait doubles with every attempt', () => {
    const ceilings = [0, 1, 2, 3].map((attempt) => reconnectDelay(attempt, high));
    expect(ceilings).toEqual([500, 1000, 2000, 4000]);
  });

  test('the wait never goes past the ceiling', () => {
    expect(reconnectDelay(30, high)).toBe(RECONNECT_BACKOFF.maxMs);
    expect(reconnectDelay(1000, high)).toBe(RECONNECT_BACKOFF.maxMs);
  });

  test('jitter takes off at most half, so phones spread out but never hammer', () => {
    for (const attempt of [0, 3, 10]) {
      const ceiling = reconnectDelay(attempt, high);
      expect(reconnectDelay(attempt, low)).toBe(ceiling / 2);
      const middle = reconnectDelay(attempt, () => 0.5);
      expect(middle).toBeGreaterThan(ceiling / 2);
      expect(middle).toBeLessThan(ceiling);
    }
  });

  test('different random draws give different waits', () => {
    const waits = new Set([0.1, 0.4, 0.7, 0.9].map((r) => reconnectDelay(4, () => r)));
    expect(waits.size).toBe(4);
  });
});
