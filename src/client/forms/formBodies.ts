import type { Poll, PollType } from '../../shared/deck.ts';
import { LIMITS } from '../../shared/protocolLimits.ts';
import { choiceBody } from './choiceBody.ts';
import type { BodyContext, FormBody } from './formBody.ts';
import { groupBody } from './groupBody.ts';
import { rankingBody } from './rankingBody.ts';
import { scaleBody } from './scaleBody.ts';
import { textBody } from './textBody.ts';

// The answer form of every poll type, found by type: the browser's part of the poll-type registry, for
// the phone and the self-study deck alike (src/shared/pollTypes holds the shared part: words.ts, rules.ts).

interface FormType<P extends Poll> {
  body: (context: BodyContext, poll: P) => FormBody;
  /** A pick is the whole answer (a choice, a point): self-study keeps it at once, without a button. */
  instant: boolean;
}

const FORM_TYPES: { [T in PollType]: FormType<Extract<Poll, { type: T }>> } = {
  single: { body: (context) => choiceBody(context, 'radio', context.t('chooseOne')), instant: true },
  multiple: {
    body: (context, poll) => choiceBody(context, 'checkbox', context.t('chooseMax', { n: poll.max }), poll),
    instant: true,
  },
  scale: { body: scaleBody, instant: true },
  wordcloud: { body: (context) => textBody(context, LIMITS.wordChars, false), instant: false },
  open: { body: (context) => textBody(context, LIMITS.openChars, true), instant: false },
  ranking: { body: rankingBody, instant: false },
  group: { body: groupBody, instant: false },
};

/** One cast: TypeScript cannot follow the type from key to value. */
const formTypeOf = (poll: Poll): FormType<Poll> => FORM_TYPES[poll.type] as FormType<Poll>;

/** The question and controls for `context.poll`. */
export const buildBody = (context: BodyContext): FormBody => formTypeOf(context.poll).body(context, context.poll);

export const answersOnPick = (poll: Poll): boolean => formTypeOf(poll).instant;
