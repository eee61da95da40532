import { bordaScores, isPermutation } from '../aggregate.ts';
import type { RankingPoll } from '../deck.ts';
import type { PollTypeRules, PollTypeWords, VoteDescription } from './pollType.ts';
import { optionText, refuse } from './voteChecks.ts';

export const rankingVote: VoteDescription<RankingPoll> = (poll, value) =>
  Array.isArray(value) ? value.map((index, place) => `${place + 1}. ${optionText(poll, index)}`) : [];

/** Every option put in order; the results count Borda points. */
export const rankingWords: PollTypeWords<RankingPoll> = {
  name: 'volgorde',
  instruction: () => 'Zet in volgorde',
  tellBack: (poll, value) => `Jouw volgorde: ${rankingVote(poll, value).join(', ')}`,
};

export const rankingRules: PollTypeRules<RankingPoll> = {
  checkVote: (poll, value) =>
    isPermutation(value, poll.options.length)
      ? { ok: true, value }
      : refuse('a ranking puts every option in order, each once'),
  aggregate: (poll, votes) => ({
    kind: 'ranking',
    scores: bordaScores(
      poll.options.length,
      votes.map((vote) => vote.value),
    ),
  }),
};
