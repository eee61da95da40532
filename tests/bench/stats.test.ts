import { describe, expect, it } from 'vitest';
import type { SentVote } from '../../scripts/bench/loadGenerator.ts';
import { percentile, voteToScreenLatencies } from '../../scripts/bench/stats.ts';

// The bench's arithmetic: the latency bound must never credit a results message that may not include
// the vote.

const vote = (sentAt: number, answeredAt: number, outcome = 'ack'): SentVote => ({
  room: 0,
  participant: `p${sentAt}`,
  value: 0,
  sentAt,
  answeredAt,
  outcome,
});
const update = (at: number, voters: number) => ({ at, voters, counts: [voters] });

describe('voteToScreenLatencies', () => {
  it('waits for as many voters as votes were sent before the ack came, refused votes not counted', () => {
    const votes = [vote(0, 5), vote(1, 3), vote(2, 4, 'poll-closed'), vote(10, 12)];
    // At 4 one voter shows: it may be the second vote or the first, so neither is credited yet.
    const screen = [update(4, 1), update(6, 2), update(13, 3)];
    expect(voteToScreenLatencies(votes, screen)).toEqual({ latencies: [3, 5, 6], unseen: 0 });
  });

  it('counts an acknowledged vote that no results message covers as unseen', () => {
    expect(voteToScreenLatencies([vote(0, 1), vote(2, 3)], [update(2, 1)])).toEqual({ latencies: [2], unseen: 1 });
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const hundred = Array.from({ length: 100 }, (_, k) => k + 1);
    expect([percentile(hundred, 50), percentile(hundred, 95), percentile(hundred, 99)]).toEqual([50, 95, 99]);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});
