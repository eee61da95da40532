import type { ScreenUpdate, SentVote } from './loadGenerator.ts';

// Turning the load generator's timestamps into figures.
//
// Vote-to-screen latency without a clock inside the server. A `results` message says only how many
// voters it counts, not which; but every participant votes once on one poll, so the message with
// `voters = V` counts exactly the first V votes in commit order. Vote i's place in that order is at most
// the number of votes sent before its ack arrived: a vote committed before i was sent before it was
// committed, and i was committed before its ack came back. So vote i is certainly on the presenter's
// screen in the first results message with voters >= that number, and the time from sending i to
// receiving that message is an upper bound on its latency. It overestimates by about one round trip
// of the votes sent in the meantime; it never underestimates. Votes the server refused (an error
// answer) are never committed and do not count.

export interface LatencySummary {
  /** Upper bound per acknowledged vote that reached the screen, ms, ascending. */
  latencies: number[];
  /** Acknowledged votes that no results message is known to include. */
  unseen: number;
}

export function voteToScreenLatencies(votes: SentVote[], screen: ScreenUpdate[]): LatencySummary {
  const mayBeCommitted = votes
    .filter((vote) => vote.outcome === 'ack' || vote.outcome === 'no-answer')
    .map((vote) => vote.sentAt)
    .sort((a, b) => a - b);
  // Results messages come in order of growing counts, but a running maximum makes the search safe anyway.
  const mostVotersSoFar: number[] = [];
  for (const update of screen) mostVotersSoFar.push(Math.max(update.voters, mostVotersSoFar.at(-1) ?? 0));

  const latencies: number[] = [];
  let unseen = 0;
  for (const vote of votes) {
    if (vote.outcome !== 'ack' || vote.answeredAt === null) continue;
    const latestPlace = countAtMost(mayBeCommitted, vote.answeredAt);
    const index = firstIndexAtLeast(mostVotersSoFar, latestPlace);
    const update = screen[index];
    if (update) latencies.push(update.at - vote.sentAt);
    else unseen++;
  }
  return { latencies: latencies.sort((a, b) => a - b), unseen };
}

/** Send-to-ack times of acknowledged votes, ms, ascending. */
export function ackLatencies(votes: SentVote[]): number[] {
  return votes
    .flatMap((vote) => (vote.outcome === 'ack' && vote.answeredAt !== null ? [vote.answeredAt - vote.sentAt] : []))
    .sort((a, b) => a - b);
}

/** Acknowledged votes per second, from the first vote sent to the last ack received. */
export function votesPerSecond(votes: SentVote[]): number {
  const first = votes[0]?.sentAt ?? 0; // votes are listed in the order they were sent
  let acked = 0;
  let last = first;
  for (const vote of votes) {
    if (vote.outcome !== 'ack' || vote.answeredAt === null) continue;
    acked++;
    last = Math.max(last, vote.answeredAt);
  }
  return acked === 0 ? 0 : acked / Math.max((last - first) / 1000, 1e-3);
}

/** Nearest-rank percentile of ascending values; NaN when there are none. */
export function percentile(ascending: number[], p: number): number {
  if (ascending.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * ascending.length);
  return ascending[Math.min(ascending.length, Math.max(rank, 1)) - 1] ?? Number.NaN;
}

/** Values in an ascending array that are <= limit. */
function countAtMost(ascending: number[], limit: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ascending[middle] ?? Infinity) <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first index whose value is >= target in a non-decreasing array; its length when there is none. */
function firstIndexAtLeast(nonDecreasing: number[], target: number): number {
  let low = 0;
  let high = nonDecreasing.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((nonDecreasing[middle] ?? Infinity) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
