import { countOptions } from '../aggregate.ts';
import type { SinglePoll } from '../deck.ts';
import type { PollTypeRules, PollTypeWords, VoteDescription } from './pollType.ts';
import { isOptionIndex, optionText, refuse } from './voteChecks.ts';

export const singleVote: VoteDescription<SinglePoll> = (poll, value) =>
  typeof value === 'number' ? [optionText(poll, value)] : [];

/** One option out of a list. */
export const singleWords: PollTypeWords<SinglePoll> = {
  name: 'één keuze',
  instruction: () => 'Kies één antwoord',
  tellBack: (poll, value) => `Jouw antwoord: ${singleVote(poll, value).join('')}`,
};

export const singleRules: PollTypeRules<SinglePoll> = {
  checkVote: (poll, value) =>
    isOptionIndex(value, poll) ? { ok: true, value } : refuse('this poll has no such option'),
  aggregate: (poll, votes) => ({
    kind: 'counts',
    counts: countOptions(
      poll.options.length,
      votes.map((vote) => vote.value),
    ),
  }),
};
