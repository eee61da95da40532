import { isIPv6 } from 'node:net';
import { TokenBucket } from './rateLimiter.ts';

// A token bucket per client address (see clientAddress): for what one address may do however many
// connections it opens, such as getting new participant identities or creating rooms. Only addresses
// that spent something recently are kept: a bucket that has had time to fill up again is the same as
// a new one, so it is dropped.
//
// IPv6 addresses count by their /64 network: one device (or one venue's network) has a whole /64 and
// can pick a new address in it for every connection, as IPv4 clients behind one NAT share one address.

export interface BudgetRate {
  /** What an address may spend at once. */
  burst: number;
  /** Seconds until an empty bucket is full again. */
  refillSeconds: number;
}

/** Addresses kept before the ones that are full again are swept out (at most once a second). */
const SWEEP_ABOVE = 10_000;
const SWEEP_EVERY_MS = 1000;

/** The address, or for IPv6 its first four groups (the /64 network). */
export function budgetKey(address: string): string {
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [];
  const groups = head ? head.split(':') : [];
  if (tail !== undefined) {
    const rest = tail ? tail.split(':') : [];
    groups.push(...new Array<string>(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest);
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class AddressBudget {
  private readonly buckets = new Map<string, { bucket: TokenBucket; lastUsed: number }>();
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(private readonly rate: BudgetRate) {}

  /** Spends one token of `address`'s budget; false (and nothing spent) when it is used up. */
  take(address: string, now: number): boolean {
    return this.bucketOf(address, now).take(now);
  }

  /** Whether `address` has a token left, without spending it. */
  canTake(address: string, now: number): boolean {
    return this.bucketOf(address, now).canTake(now);
  }

  private bucketOf(address: string, now: number): TokenBucket {
    const key = budgetKey(address);
    let entry = this.buckets.get(key);
    if (!entry) {
      if (this.buckets.size >= SWEEP_ABOVE && now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
      const { burst, refillSeconds } = this.rate;
      entry = { bucket: new TokenBucket(burst, burst / refillSeconds, now), lastUsed: now };
      this.buckets.set(key, entry);
    }
    entry.lastUsed = now;
    return entry.bucket;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [address, { lastUsed }] of this.buckets) {
      if (now - lastUsed >= this.rate.refillSeconds * 1000) this.buckets.delete(address);
    }
  }
}
