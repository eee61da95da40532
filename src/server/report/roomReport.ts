import { countWords, groupAnswers, normaliseWord, openAnswers, type VoteRecord } from '../../shared/aggregate.ts';
import { aggregate } from '../../shared/pollTypes/rules.ts';
import { closingPolls, type Poll } from '../../shared/deck.ts';
import type { PollCatalog } from '../pollCatalog.ts';
import type { ExportVote, PlanPartStart, Store } from '../store/Store.ts';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  type AgendaRun,
  type ReportPoll,
  type ReportResults,
  type ReportSession,
  type SessionReport,
} from './reportModel.ts';

// One room's report, from the stored rows only: approved answers and words, nothing that names a
// participant. Several rooms' reports are summed by combineReports.

/** The poll that asks for the participant's role (slides/opening/06-werkwijze.md): the cover shows it. */
export const ROLE_POLL = 'start-rol';

const MINUTE = 60_000;

/** The round's results for the report: every approved word (none the presenter removed), approved answers. */
function reportResults(poll: Poll, votes: VoteRecord[], removed: ReadonlySet<string>): ReportResults {
  switch (poll.type) {
    case 'wordcloud': {
      const kept = votes.filter(
        (vote) => vote.approved && typeof vote.value === 'string' && !removed.has(normaliseWord(vote.value)),
      );
      return {
        kind: 'words',
        words: countWords(
          kept.map((vote) => vote.value),
          Infinity,
        ),
      };
    }
    case 'open':
    case 'group': {
      const answers = poll.type === 'open' ? openAnswers(votes, 'public') : groupAnswers(votes, 'public');
      return {
        kind: 'answers',
        answers: answers.map((answer) =>
          answer.group ? { text: answer.text, group: answer.group } : { text: answer.text },
        ),
      };
    }
    default: {
      const results = aggregate(poll, votes, 'public');
      if (results.kind === 'counts' || results.kind === 'scale' || results.kind === 'ranking') return results;
      throw new Error(`no report results for ${poll.type}`);
    }
  }
}

/** The plan parts as they ran: each lasts until the next starts, the last one until the last answer. */
function agendaAsRun(catalog: PollCatalog, starts: PlanPartStart[], lastAnswer: number | null): AgendaRun[] {
  return starts.map((start, k) => {
    const item = catalog.agenda(start.plan)?.items.find((candidate) => candidate.part === start.part);
    const end = starts[k + 1]?.at ?? (lastAnswer !== null && lastAnswer > start.at ? lastAnswer : null);
    return {
      part: start.part,
      label: item?.label ?? start.part,
      plannedMinutes: item?.minutes ?? null,
      startedAt: new Date(start.at).toISOString(),
      minutes: end === null ? null : Math.round((end - start.at) / MINUTE),
    };
  });
}

/** The report of one room; null when there is no such room. */
export async function roomReport(
  store: Store,
  catalog: PollCatalog,
  code: string,
  now = new Date(),
): Promise<SessionReport | null> {
  const room = await store.getRoom(code);
  const deck = catalog.currentDeck();
  if (!room || !deck) return null;
  const states = new Map((await store.pollStates(code)).map((state) => [state.poll, state]));
  const votes = await store.exportVotes(code);
  const byRound = new Map<string, ExportVote[]>();
  const firstVote = new Map<string, number>();
  for (const vote of votes) {
    const key = `${vote.poll}\u0000${vote.round}`;
    const round = byRound.get(key);
    if (round) round.push(vote);
    else byRound.set(key, [vote]);
    firstVote.set(vote.poll, Math.min(firstVote.get(vote.poll) ?? Infinity, vote.at));
  }
  const closing = closingPolls(deck);

  const polls: ReportPoll[] = [];
  for (const poll of catalog.all()) {
    const state = states.get(poll.id);
    if (!state) continue;
    const rounds = [];
    for (let round = 1; round <= state.round; round++) {
      const roundVotes = byRound.get(`${poll.id}\u0000${round}`) ?? [];
      const removed =
        poll.type === 'wordcloud' ? new Set(await store.removedWords(code, poll.id, round)) : new Set<string>();
      rounds.push({ round, sessions: 1, voters: roundVotes.length, results: reportResults(poll, roundVotes, removed) });
    }
    polls.push({
      poll: poll.id,
      type: poll.type,
      question: poll.question,
      options: [...poll.options],
      ...(poll.type === 'scale' ? { scale: { min: poll.min, max: poll.max, labels: [...poll.labels] } } : {}),
      closing: closing.has(poll.id),
      roles: poll.id === ROLE_POLL,
      rounds,
    });
  }
  // In the order the room answered them (a poll nobody answered keeps its place in the deck, at the end).
  const order = (poll: ReportPoll): number => firstVote.get(poll.poll) ?? Infinity;
  polls.sort((a, b) => order(a) - order(b));

  const starts = await store.planParts(code);
  const lastPlan = starts.at(-1)?.plan;
  const plan = lastPlan ? catalog.agenda(lastPlan) : undefined;
  const lastAnswer = votes.reduce<number | null>((last, vote) => Math.max(last ?? 0, vote.at), null);
  const session: ReportSession = {
    date: new Date(room.createdAt).toISOString().slice(0, 10),
    plan: plan ? { id: plan.id, title: plan.title } : null,
    agenda: agendaAsRun(
      catalog,
      starts.filter((start) => start.plan === lastPlan),
      lastAnswer,
    ),
    participants: { peakConnected: room.peakParticipants, answered: await store.countVoters(code) },
  };
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    deck: { title: deck.title, subtitle: deck.subtitle },
    madeAt: now.toISOString(),
    sessions: [session],
    polls,
  };
}
