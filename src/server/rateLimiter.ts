// A token bucket per connection: `ratePerSecond` messages on average, bursts up to `burst`. Messages over
// the limit are refused; a connection that keeps sending while refused is a flood and gets closed.

export interface RateLimitOptions {
  ratePerSecond: number;
  burst: number;
  /** Refused messages tolerated (refilling at ratePerSecond / 10) before the connection is closed. */
  refusalsBeforeClose: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { ratePerSecond: 20, burst: 40, refusalsBeforeClose: 40 };

export type RateDecision = 'allow' | 'refuse' | 'close';

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  take(now: number): boolean {
    if (!this.canTake(now)) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a `take` now would succeed, without taking: for budgets that count only failures. */
  canTake(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    return this.tokens >= 1;
  }
}

export class RateLimiter {
  private readonly messages: TokenBucket;
  private readonly refusals: TokenBucket;

  constructor(options: RateLimitOptions = DEFAULT_RATE_LIMIT, now = Date.now()) {
    this.messages = new TokenBucket(options.burst, options.ratePerSecond, now);
    this.refusals = new TokenBucket(options.refusalsBeforeClose, options.ratePerSecond / 10, now);
  }

  check(now = Date.now()): RateDecision {
    if (this.messages.take(now)) return 'allow';
    return this.refusals.take(now) ? 'refuse' : 'close';
  }
}
