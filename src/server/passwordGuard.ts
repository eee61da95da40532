import { AddressBudget, type BudgetRate } from './addressBudget.ts';
import { TokenBucket } from './rateLimiter.ts';

// Limits PRESENTER_PASSWORD guessing: per address, with a larger budget for all addresses together as
// a backstop. Only wrong guesses spend from the budgets, so one attacker cannot lock out every
// trainer: their address runs out, other addresses (and the right password) go on working.

export class PasswordGuard {
  private readonly perAddress: AddressBudget;
  private readonly overall: TokenBucket;

  constructor(perAddress: BudgetRate, overall: BudgetRate, now: number) {
    this.perAddress = new AddressBudget(perAddress);
    this.overall = new TokenBucket(overall.burst, overall.burst / overall.refillSeconds, now);
  }

  /** Whether `address` may try a password now; checked before comparing, so a refused guess tells nothing. */
  mayTry(address: string, now: number): boolean {
    return this.perAddress.canTake(address, now) && this.overall.canTake(now);
  }

  wrongGuess(address: string, now: number): void {
    this.perAddress.take(address, now);
    this.overall.take(now);
  }
}
