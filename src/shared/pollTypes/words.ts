import type { Poll, PollType } from '../deck.ts';
import type { VoteValue } from '../protocol.ts';
import { groupVote, groupWords } from './group.ts';
import { multipleVote, multipleWords } from './multiple.ts';
import { openWords } from './open.ts';
import type { PollTypeWords, VoteDescription } from './pollType.ts';
import { rankingVote, rankingWords } from './ranking.ts';
import { scaleVote, scaleWords } from './scale.ts';
import { singleVote, singleWords } from './single.ts';
import { typedVote } from './voteChecks.ts';
import { wordcloudWords } from './wordcloud.ts';

// The words of every poll type, found by type. Apart from rules.ts, so a phone loads no counting code.

const POLL_TYPE_WORDS: { [T in PollType]: PollTypeWords<Extract<Poll, { type: T }>> } = {
  single: singleWords,
  multiple: multipleWords,
  scale: scaleWords,
  wordcloud: wordcloudWords,
  open: openWords,
  ranking: rankingWords,
  group: groupWords,
};

/** The words of `poll`'s type (one cast: TypeScript cannot follow the type from the key to the value). */
export const wordsOf = <P extends Poll>(poll: P): PollTypeWords<P> =>
  POLL_TYPE_WORDS[poll.type] as unknown as PollTypeWords<P>;

// Apart from the words, so the phone loads only the descriptions (the names, instructions and self-study
// words are the deck's).
const VOTE_DESCRIPTIONS: { [T in PollType]: VoteDescription<Extract<Poll, { type: T }>> } = {
  single: singleVote,
  multiple: multipleVote,
  scale: scaleVote,
  wordcloud: typedVote,
  open: typedVote,
  ranking: rankingVote,
  group: groupVote,
};

/** A vote as the person would say it: the option texts, the scale point, the ranking in order, or the text. */
export const describeVote = (poll: Poll, value: VoteValue): string[] =>
  (VOTE_DESCRIPTIONS[poll.type] as VoteDescription<Poll>)(poll, value);
