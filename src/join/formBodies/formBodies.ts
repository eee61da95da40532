import type { Poll, PollType } from '../../shared/deck.ts';
import { LIMITS } from '../../shared/protocolLimits.ts';
import { choiceBody } from './choiceBody.ts';
import type { BodyContext, FormBody } from './formBody.ts';
import { groupBody } from './groupBody.ts';
import { rankingBody } from './rankingBody.ts';
import { scaleBody } from './scaleBody.ts';
import { textBody } from './textBody.ts';

// The phone's answer form of every poll type, found by type: the phone's part of the poll-type registry
// (src/shared/pollTypes holds the shared part: words.ts, rules.ts).

type BodyBuilder<P extends Poll> = (context: BodyContext, poll: P) => FormBody;

const BODIES: { [T in PollType]: BodyBuilder<Extract<Poll, { type: T }>> } = {
  single: (context) => choiceBody(context, 'radio', context.t('chooseOne')),
  multiple: (context, poll) => choiceBody(context, 'checkbox', context.t('chooseMax', { n: poll.max }), poll),
  scale: scaleBody,
  wordcloud: (context) => textBody(context, LIMITS.wordChars, false),
  open: (context) => textBody(context, LIMITS.openChars, true),
  ranking: rankingBody,
  group: groupBody,
};

/** The question and controls for `context.poll` (one cast: TypeScript cannot follow the type from key to value). */
export const buildBody = (context: BodyContext): FormBody =>
  (BODIES[context.poll.type] as BodyBuilder<Poll>)(context, context.poll);
