import { countOptions } from '../aggregate.ts';
import type { MultiplePoll } from '../deck.ts';
import type { PollTypeRules, PollTypeWords, VoteDescription } from './pollType.ts';
import { isOptionIndex, optionText, refuse } from './voteChecks.ts';

export const multipleVote: VoteDescription<MultiplePoll> = (poll, value) =>
  Array.isArray(value) ? [...value].sort((a, b) => a - b).map((index) => optionText(poll, index)) : [];

/** Up to `max` options out of a list. */
export const multipleWords: PollTypeWords<MultiplePoll> = {
  name: 'meer keuzes',
  instruction: (poll) => `Kies hoogstens ${poll.max} antwoorden`,
  tellBack(poll, value) {
    const picked = multipleVote(poll, value);
    return picked.length === 1 ? `Jouw antwoord: ${picked[0]}` : `Jouw antwoorden: ${picked.join(', ')}`;
  },
};

export const multipleRules: PollTypeRules<MultiplePoll> = {
  checkVote(poll, value) {
    if (!Array.isArray(value)) return refuse('this poll takes a list of options');
    if (!value.every((pick) => isOptionIndex(pick, poll))) return refuse('this poll has no such option');
    if (new Set(value).size !== value.length) return refuse('an option is picked twice');
    if (value.length > poll.max) return refuse(`at most ${poll.max} options may be picked`);
    return { ok: true, value };
  },
  aggregate: (poll, votes) => ({
    kind: 'counts',
    counts: countOptions(
      poll.options.length,
      votes.map((vote) => vote.value),
    ),
  }),
};
