import { scaleDistribution } from '../aggregate.ts';
import type { ScalePoll } from '../deck.ts';
import type { PollTypeRules, PollTypeWords, VoteDescription } from './pollType.ts';
import { refuse } from './voteChecks.ts';

export const scaleVote: VoteDescription<ScalePoll> = (poll, value) => {
  if (typeof value !== 'number') return [];
  const end = value === poll.min ? poll.labels[0] : value === poll.max ? poll.labels[1] : null;
  return [end ? `${value} (${end})` : String(value)];
};

/** One point of a scale from `min` to `max`, with a label at either end. */
export const scaleWords: PollTypeWords<ScalePoll> = {
  name: 'schaal',
  instruction: () => 'Geef een score',
  tellBack: (poll, value) =>
    `Jouw antwoord: ${String(value)} (van ${poll.min} = ${poll.labels[0]} tot ${poll.max} = ${poll.labels[1]})`,
};

export const scaleRules: PollTypeRules<ScalePoll> = {
  checkVote: (poll, value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= poll.min && value <= poll.max
      ? { ok: true, value }
      : refuse(`pick a whole number from ${poll.min} to ${poll.max}`),
  aggregate: (poll, votes) => ({
    kind: 'scale',
    ...scaleDistribution(
      poll.min,
      poll.max,
      votes.map((vote) => vote.value),
    ),
  }),
};
