import { countWords } from '../shared/aggregate.ts';
import { aggregate } from '../shared/pollTypes/rules.ts';
import type { Poll, PollType } from '../shared/deck.ts';
import type { Results } from '../shared/protocol.ts';
import type { Cell } from './csv.ts';
import type { ExportVote, Store } from './store/Store.ts';

// A room's results for the presenter to take home: every poll that was used, every round, computed
// from the stored votes like the live results, but complete (every word, every open answer) apart from the
// answers the presenter rejected: those are left out, their participants still counted.

export interface ExportRound {
  round: number;
  voters: number;
  results: Results;
}

export interface ExportPoll {
  poll: string;
  type: PollType;
  question: string;
  options: string[];
  rounds: ExportRound[];
}

export interface RoomExport {
  room: string;
  exportedAt: string;
  polls: ExportPoll[];
}

/** The results of every poll (in deck order) that has a state in the room, round by round. */
export async function exportRoom(
  store: Store,
  room: string,
  polls: readonly Poll[],
  now = new Date(),
): Promise<RoomExport> {
  const states = new Map((await store.pollStates(room)).map((state) => [state.poll, state]));
  const votes = new Map<string, ExportVote[]>();
  for (const vote of await store.exportVotes(room)) {
    const key = `${vote.poll}\u0000${vote.round}`;
    const round = votes.get(key);
    if (round) round.push(vote);
    else votes.set(key, [vote]);
  }
  const exported = polls.flatMap((poll) => {
    const state = states.get(poll.id);
    if (!state) return [];
    const rounds = Array.from({ length: state.round }, (_, k): ExportRound => {
      const roundVotes = votes.get(`${poll.id}\u0000${k + 1}`) ?? [];
      const results = aggregate(poll, roundVotes, 'presenter');
      const complete: Results =
        results.kind === 'words'
          ? {
              kind: 'words',
              words: countWords(
                roundVotes.filter((v) => !v.rejected).map((v) => v.value),
                Infinity,
              ),
            }
          : results;
      return { round: k + 1, voters: roundVotes.length, results: complete };
    });
    return [{ poll: poll.id, type: poll.type, question: poll.question, options: poll.options, rounds }];
  });
  return { room, exportedAt: now.toISOString(), polls: exported };
}

export const CSV_HEADER: Cell[] = [
  'poll',
  'soort',
  'vraag',
  'ronde',
  'deelnemers',
  'antwoord',
  'aantal',
  'punten',
  'gemiddelde',
  'goedgekeurd',
];

/** One row per poll, round and option (or word, or answer), under CSV_HEADER. */
export function exportRows(data: RoomExport, polls: readonly Poll[]): Cell[][] {
  const byId = new Map(polls.map((poll) => [poll.id, poll]));
  const rows: Cell[][] = [CSV_HEADER];
  for (const exported of data.polls) {
    const poll = byId.get(exported.poll);
    if (!poll) continue;
    for (const { round, voters, results } of exported.rounds) {
      const row = (answer: Cell, count: Cell, points: Cell = null, average: Cell = null, approved: Cell = null) =>
        rows.push([poll.id, poll.type, poll.question, round, voters, answer, count, points, average, approved]);
      switch (results.kind) {
        case 'counts':
          results.counts.forEach((count, k) => row(poll.options[k] ?? '', count));
          break;
        case 'scale':
          results.counts.forEach((count, k) => row(scalePoint(poll, k), count, null, results.average));
          break;
        case 'ranking':
          results.scores.forEach((points, k) => row(poll.options[k] ?? '', null, points));
          break;
        case 'words':
          if (results.words.length === 0) row('', 0);
          for (const { word, count } of results.words) row(word, count);
          break;
        case 'answers':
          if (results.answers.length === 0) row('', 0);
          for (const answer of results.answers) {
            const text = answer.group ? `${answer.group}: ${answer.text}` : answer.text;
            row(text, 1, null, null, answer.approved ? 'ja' : 'nee');
          }
          break;
      }
    }
  }
  return rows;
}

/** A point of a scale, with its label at either end: `1 (Bijna niets)`. */
function scalePoint(poll: Poll, index: number): string {
  if (poll.type !== 'scale') return String(index);
  const point = poll.min + index;
  const label = point === poll.min ? poll.labels[0] : point === poll.max ? poll.labels[1] : '';
  return label ? `${point} (${label})` : String(point);
}
