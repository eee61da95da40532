import type { ReportPoll, ReportResults, ReportRound, SessionReport } from './reportModel.ts';

// Several sessions of the same deck as one report (one plan run four times): per poll and round the
// counts, points and words summed, the answers put together, the average computed again from the
// summed distribution, and every session kept for the cover.

export class ReportMismatchError extends Error {}

const sum = (a: readonly number[], b: readonly number[]): number[] =>
  Array.from({ length: Math.max(a.length, b.length) }, (_, k) => (a[k] ?? 0) + (b[k] ?? 0));

function averageOf(counts: readonly number[], min: number): number | null {
  const n = counts.reduce((total, count) => total + count, 0);
  if (n === 0) return null;
  return counts.reduce((total, count, k) => total + count * (min + k), 0) / n;
}

function addResults(poll: ReportPoll, a: ReportResults, b: ReportResults): ReportResults {
  if (a.kind === 'counts' && b.kind === 'counts') return { kind: 'counts', counts: sum(a.counts, b.counts) };
  if (a.kind === 'ranking' && b.kind === 'ranking') return { kind: 'ranking', scores: sum(a.scores, b.scores) };
  if (a.kind === 'scale' && b.kind === 'scale') {
    const counts = sum(a.counts, b.counts);
    return { kind: 'scale', counts, average: averageOf(counts, poll.scale?.min ?? 0) };
  }
  if (a.kind === 'words' && b.kind === 'words') {
    const counts = new Map<string, number>();
    for (const { word, count } of [...a.words, ...b.words]) counts.set(word, (counts.get(word) ?? 0) + count);
    const merged = [...counts].map(([word, count]) => ({ word, count }));
    return {
      kind: 'words',
      words: merged.sort((x, y) => y.count - x.count || x.word.localeCompare(y.word, 'nl')),
    };
  }
  if (a.kind === 'answers' && b.kind === 'answers') return { kind: 'answers', answers: [...a.answers, ...b.answers] };
  throw new ReportMismatchError(`de poll ${poll.poll} heeft in twee sessies een andere soort uitslag`);
}

function addRound(poll: ReportPoll, a: ReportRound, b: ReportRound): ReportRound {
  return {
    round: a.round,
    sessions: a.sessions + b.sessions,
    voters: a.voters + b.voters,
    results: addResults(poll, a.results, b.results),
  };
}

function addPoll(a: ReportPoll, b: ReportPoll): ReportPoll {
  if (a.type !== b.type || a.options.length !== b.options.length) {
    throw new ReportMismatchError(`de poll ${a.poll} is niet dezelfde in alle sessies`);
  }
  const rounds = [...a.rounds];
  for (const round of b.rounds) {
    const k = rounds.findIndex((other) => other.round === round.round);
    if (k >= 0) rounds[k] = addRound(a, rounds[k] as ReportRound, round);
    else rounds.push(round);
  }
  return { ...a, rounds: rounds.sort((x, y) => x.round - y.round) };
}

/** The reports of several sessions of one deck as one; throws ReportMismatchError for different decks. */
export function combineReports(reports: readonly SessionReport[]): SessionReport {
  const [first, ...rest] = reports;
  if (!first) throw new ReportMismatchError('geen sessies om samen te voegen');
  const polls = new Map(first.polls.map((poll) => [poll.poll, poll]));
  for (const report of rest) {
    if (report.deck.title !== first.deck.title) {
      throw new ReportMismatchError(
        `de sessies horen bij verschillende trainingen: ${first.deck.title}, ${report.deck.title}`,
      );
    }
    for (const poll of report.polls) {
      const known = polls.get(poll.poll);
      polls.set(poll.poll, known ? addPoll(known, poll) : poll);
    }
  }
  return {
    ...first,
    sessions: reports.flatMap((report) => report.sessions),
    // The first session's order, then the polls only later sessions showed.
    polls: [...polls.values()],
  };
}
