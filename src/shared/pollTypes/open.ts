import { openAnswers } from '../aggregate.ts';
import type { OpenPoll } from '../deck.ts';
import { LIMITS } from '../protocolLimits.ts';
import type { PollTypeRules, PollTypeWords } from './pollType.ts';
import { checkText, typedAnswerWords } from './voteChecks.ts';

/** A free text answer each, on the answer wall once approved (unless `moderation: auto`). */
export const openWords: PollTypeWords<OpenPoll> = typedAnswerWords('open vraag', 'Schrijf je antwoord');

export const openRules: PollTypeRules<OpenPoll> = {
  checkVote: (_poll, value) => checkText(value, LIMITS.openChars),
  aggregate: (_poll, votes, audience) => ({ kind: 'answers', answers: openAnswers(votes, audience) }),
};
