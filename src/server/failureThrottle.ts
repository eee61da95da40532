import { TokenBucket } from './rateLimiter.ts';

// Limits how often one address may fail a secret check (a wrong key, an unknown room), with a larger
// budget for all addresses together as a backstop. Only failures spend it, so whoever knows the secret
// never spends any; once an address has spent its budget, every check from it waits, right or wrong,
// or the answer would still tell a right guess from a wrong one.

export interface FailureBudget {
  /** Failures one address may have in a row… */
  perAddress: number;
  /** …of which it gets back this many a minute. */
  perAddressPerMinute: number;
  /** The same for all addresses together. */
  global: number;
  globalPerMinute: number;
}

/** Addresses kept before those that have their whole budget back again are forgotten. */
const PRUNE_AT = 10_000;

export class FailureThrottle {
  private readonly global: TokenBucket;
  private readonly addresses = new Map<string, { bucket: TokenBucket; lastFailure: number }>();
  private readonly refillMs: number;

  constructor(
    private readonly budget: FailureBudget,
    now = Date.now(),
  ) {
    this.global = new TokenBucket(budget.global, budget.globalPerMinute / 60, now);
    this.refillMs = (budget.perAddress / budget.perAddressPerMinute) * 60_000;
  }

  /** Whether this address (or everybody) has no failures left for now; checking costs nothing. */
  blocked(address: string, now = Date.now()): boolean {
    const entry = this.addresses.get(address);
    return (entry !== undefined && !entry.bucket.canTake(now)) || !this.global.canTake(now);
  }

  /** Spends one failure of the address and of the global budget. */
  failed(address: string, now = Date.now()): void {
    let entry = this.addresses.get(address);
    if (!entry) {
      if (this.addresses.size >= PRUNE_AT) this.prune(now);
      entry = {
        bucket: new TokenBucket(this.budget.perAddress, this.budget.perAddressPerMinute / 60, now),
        lastFailure: now,
      };
      this.addresses.set(address, entry);
    }
    entry.bucket.take(now);
    entry.lastFailure = now;
    this.global.take(now);
  }

  private prune(now: number): void {
    for (const [address, entry] of this.addresses) {
      if (now - entry.lastFailure >= this.refillMs) this.addresses.delete(address);
    }
  }
}
