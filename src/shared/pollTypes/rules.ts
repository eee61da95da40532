import type { Audience, VoteRecord } from '../aggregate.ts';
import type { Poll, PollType } from '../deck.ts';
import type { Results } from '../protocol.ts';
import { groupRules } from './group.ts';
import { multipleRules } from './multiple.ts';
import { openRules } from './open.ts';
import type { PollTypeRules, VoteCheck } from './pollType.ts';
import { rankingRules } from './ranking.ts';
import { scaleRules } from './scale.ts';
import { singleRules } from './single.ts';
import { wordcloudRules } from './wordcloud.ts';

// The rules of every poll type, found by type: the server's vote check and results, which the export
// and the self-study deck use too.

const POLL_TYPE_RULES: { [T in PollType]: PollTypeRules<Extract<Poll, { type: T }>> } = {
  single: singleRules,
  multiple: multipleRules,
  scale: scaleRules,
  wordcloud: wordcloudRules,
  open: openRules,
  ranking: rankingRules,
  group: groupRules,
};

/** The rules of `poll`'s type (one cast: TypeScript cannot follow the type from the key to the value). */
const rulesOf = <P extends Poll>(poll: P): PollTypeRules<P> =>
  POLL_TYPE_RULES[poll.type] as unknown as PollTypeRules<P>;

/** Checks `value` against `poll`; on success returns the value to store (text trimmed). */
export const checkVote = (poll: Poll, value: unknown): VoteCheck => rulesOf(poll).checkVote(poll, value);

/**
 * The results of one round of `poll` as `audience` may see them; `removed` holds the (normalised)
 * words the presenter took off a word cloud in this round.
 */
export const aggregate = (
  poll: Poll,
  votes: VoteRecord[],
  audience: Audience,
  removed: ReadonlySet<string> = new Set(),
): Results => rulesOf(poll).aggregate(poll, votes, audience, removed);
