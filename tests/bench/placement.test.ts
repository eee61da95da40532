import { describe, expect, it } from 'vitest';
import { Placement, sourceAddress } from '../../scripts/bench/placement.ts';

// Who goes where in the bench: the rooms share the phones, and with several instances most of a
// room's phones are on another instance than its presenter.

const count = <T>(values: T[], value: T) => values.filter((candidate) => candidate === value).length;

describe('bench placement', () => {
  it('deals the phones over the rooms evenly', () => {
    const placement = new Placement(100, 1);
    const rooms = Array.from({ length: 5000 }, (_, phone) => placement.roomOf(phone));
    for (let room = 0; room < 100; room++) expect(count(rooms, room)).toBe(50);
    expect(new Set(Array.from({ length: 5000 }, (_, phone) => placement.phoneInstance(phone)))).toEqual(new Set([0]));
  });

  it('puts three quarters of a room’s phones on another instance than its presenter', () => {
    const placement = new Placement(1, 2);
    const instances = Array.from({ length: 5000 }, (_, phone) => placement.phoneInstance(phone));
    expect(placement.presenterInstance(0)).toBe(0);
    expect(count(instances, 0)).toBe(1250);
    expect(count(instances, 1)).toBe(3750);
    expect(placement.probeInstance()).toBe(1);
  });

  it('spreads the rest over the other instances when there are more', () => {
    const placement = new Placement(1, 3);
    const instances = Array.from({ length: 4000 }, (_, phone) => placement.phoneInstance(phone));
    expect([0, 1, 2].map((instance) => count(instances, instance))).toEqual([1000, 1500, 1500]);
  });

  it('gives 250 phones each loopback address, past the last byte', () => {
    expect(sourceAddress(0)).toBe('127.0.0.2');
    expect(sourceAddress(249)).toBe('127.0.0.2');
    expect(sourceAddress(250)).toBe('127.0.0.3');
    expect(sourceAddress(9999)).toBe('127.0.0.41');
    expect(sourceAddress(253 * 250)).toBe('127.0.1.2');
  });
});
