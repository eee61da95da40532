import { openAnswers } from '../aggregate.ts';
import type { OpenPoll } from '../deck.ts';
import { LIMITS } from '../protocolLimits.ts';
import type { PollTypeRules, PollTypeWords } from './pollType.ts';
import { checkText, tellBackText } from './voteChecks.ts';

/** A free text answer each, on the answer wall once approved (unless `moderation: auto`). */
export const openWords: PollTypeWords<OpenPoll> = {
  name: 'open vraag',
  instruction: () => 'Schrijf je antwoord',
  describeVote: (_poll, value) => (typeof value === 'string' ? [value] : []),
  tellBack: (_poll, value) => tellBackText(value),
};

export const openRules: PollTypeRules<OpenPoll> = {
  checkVote: (_poll, value) => checkText(value, LIMITS.openChars),
  aggregate: (_poll, votes, audience) => ({ kind: 'answers', answers: openAnswers(votes, audience) }),
};
