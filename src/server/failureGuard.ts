import { AddressBudget, type BudgetRate } from './addressBudget.ts';
import { TokenBucket } from './rateLimiter.ts';

// Limits guessing a secret (PRESENTER_PASSWORD, a room's key at the export): per address, with a larger
// budget for all addresses together as a backstop. Only failures spend from the budgets, so one attacker
// cannot lock out every trainer: their address runs out, other addresses (and the right secret) go on
// working. Once an address has spent its budget, it is refused before the secret is compared, so
// guessing on tells it nothing.

export class FailureGuard {
  private readonly perAddress: AddressBudget;
  private readonly overall: TokenBucket;

  constructor(perAddress: BudgetRate, overall: BudgetRate, now: number) {
    this.perAddress = new AddressBudget(perAddress);
    this.overall = new TokenBucket(overall.burst, overall.burst / overall.refillSeconds, now);
  }

  /** Whether `address` may try now; checked before comparing, so a refused guess tells nothing. */
  mayTry(address: string, now: number): boolean {
    return this.perAddress.canTake(address, now) && this.overall.canTake(now);
  }

  failed(address: string, now: number): void {
    this.perAddress.take(address, now);
    this.overall.take(now);
  }
}
