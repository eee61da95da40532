import type { Poll, PollType } from '../deck.ts';
import type { VoteValue } from '../protocol.ts';
import { groupWords } from './group.ts';
import { multipleWords } from './multiple.ts';
import { openWords } from './open.ts';
import type { PollTypeWords } from './pollType.ts';
import { rankingWords } from './ranking.ts';
import { scaleWords } from './scale.ts';
import { singleWords } from './single.ts';
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

/** A vote as the person would say it: the option texts, the scale point, the ranking in order, or the text. */
export const describeVote = (poll: Poll, value: VoteValue): string[] => wordsOf(poll).describeVote(poll, value);
