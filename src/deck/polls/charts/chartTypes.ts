import type { Poll, PollType } from '../../../shared/deck.ts';
import { createAnswerWall } from './answerWall.ts';
import type { Chart } from './chart.ts';
import { createChoiceChart } from './choiceChart.ts';
import { createRankingChart } from './rankingChart.ts';
import { createScaleChart } from './scaleChart.ts';
import { createWordCloud } from './wordCloud.ts';

// The presenter's chart of every poll type, found by type: the deck's part of the poll-type registry
// (src/shared/pollTypes holds the shared part: words.ts, rules.ts), so no other side loads chart code.
// A chart shows what the room sees; the presenter's moderation lives in the console (src/console).

type ChartFactory<P extends Poll> = (poll: P) => Chart;

const CHARTS: { [T in PollType]: ChartFactory<Extract<Poll, { type: T }>> } = {
  single: (poll) => createChoiceChart(poll),
  multiple: (poll) => createChoiceChart(poll),
  scale: (poll) => createScaleChart(poll),
  ranking: (poll) => createRankingChart(poll),
  wordcloud: () => createWordCloud(),
  open: () => createAnswerWall(),
  group: () => createAnswerWall(),
};

/** The live chart for `poll` (one cast: TypeScript cannot follow the type from the key to the value). */
export const chartFor = (poll: Poll): Chart => (CHARTS[poll.type] as ChartFactory<Poll>)(poll);
