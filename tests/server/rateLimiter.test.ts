import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/server/rateLimiter.ts';

describe('rate limiter', () => {
  const options = { ratePerSecond: 10, burst: 5, refusalsBeforeClose: 3 };

  it('allows a burst, then refuses, then closes a connection that keeps going', () => {
    const limiter = new RateLimiter(options, 0);
    const decisions = Array.from({ length: 9 }, () => limiter.check(0));
    expect(decisions).toEqual(['allow', 'allow', 'allow', 'allow', 'allow', 'refuse', 'refuse', 'refuse', 'close']);
  });

  it('refills over time', () => {
    const limiter = new RateLimiter(options, 0);
    for (let k = 0; k < 5; k++) limiter.check(0);
    expect(limiter.check(0)).toBe('refuse');
    expect(limiter.check(100)).toBe('allow'); // 10 per second: one token per 100 ms
    expect(limiter.check(100)).toBe('refuse');
  });

  it('lets a steady sender at the rate through forever', () => {
    const limiter = new RateLimiter(options, 0);
    const decisions = Array.from({ length: 1000 }, (_, k) => limiter.check(k * 100));
    expect(new Set(decisions)).toEqual(new Set(['allow']));
  });
});
