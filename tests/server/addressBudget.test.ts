import { describe, expect, it } from 'vitest';
import { AddressBudget, budgetKey } from '../../src/server/addressBudget.ts';

describe('AddressBudget', () => {
  it('gives each address its own burst, refilled over time', () => {
    const budget = new AddressBudget({ burst: 2, refillSeconds: 10 });
    expect([budget.take('192.0.2.1', 0), budget.take('192.0.2.1', 0), budget.take('192.0.2.1', 0)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(budget.take('192.0.2.2', 0)).toBe(true);
    expect(budget.canTake('192.0.2.1', 4999)).toBe(false);
    expect(budget.canTake('192.0.2.1', 5000)).toBe(true);
    expect(budget.take('192.0.2.1', 5000)).toBe(true);
  });

  it('counts an IPv6 address by its /64 network, however it is written', () => {
    expect(budgetKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(budgetKey('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(budgetKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(budgetKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(budgetKey('::1')).toBe('0:0:0:0::/64');
    expect(budgetKey('192.0.2.1')).toBe('192.0.2.1');
    const budget = new AddressBudget({ burst: 1, refillSeconds: 60 });
    expect(budget.take('2001:db8:1:2::a', 0)).toBe(true);
    expect(budget.take('2001:db8:1:2::b', 0)).toBe(false);
    expect(budget.take('2001:db8:1:3::a', 0)).toBe(true);
  });
});
