import type { BudgetRate } from './addressBudget.ts';
import type { ClientConnection } from './clientConnection.ts';
import { TokenBucket } from './rateLimiter.ts';

// How many snapshots (answers to `join` and `present`) one connection may ask for: see
// ParticipantLimits.snapshots. Kept beside the connection, not in it, and gone with it.

export class SnapshotBudget {
  private readonly buckets = new WeakMap<ClientConnection, TokenBucket>();

  constructor(private readonly rate: BudgetRate) {}

  take(connection: ClientConnection, now: number): boolean {
    let bucket = this.buckets.get(connection);
    if (!bucket) {
      bucket = new TokenBucket(this.rate.burst, this.rate.burst / this.rate.refillSeconds, now);
      this.buckets.set(connection, bucket);
    }
    return bucket.take(now);
  }
}
