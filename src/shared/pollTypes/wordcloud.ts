import { countWords, normaliseWord, openAnswers } from '../aggregate.ts';
import { waitsForApproval, type WordCloudPoll } from '../deck.ts';
import { LIMITS } from '../protocolLimits.ts';
import type { PollTypeRules, PollTypeWords } from './pollType.ts';
import { checkText, refuse, typedAnswerWords } from './voteChecks.ts';

/** A few words each; equal words grouped into a cloud, moderated or not. */
export const wordcloudWords: PollTypeWords<WordCloudPoll> = typedAnswerWords('woordwolk', 'Typ een paar woorden');

export const wordcloudRules: PollTypeRules<WordCloudPoll> = {
  checkVote(_poll, value) {
    const checked = checkText(value, LIMITS.wordChars);
    if (checked.ok && normaliseWord(String(checked.value)) === '') return refuse('the answer has no word in it');
    return checked;
  },
  /**
   * The approved words (every word, unless the poll is moderated) without the ones the presenter
   * removed or rejected; a moderated cloud gives the presenter the words still waiting, oldest first.
   */
  aggregate(poll, votes, audience, removed) {
    const kept = votes.filter(
      (vote) => !vote.rejected && typeof vote.value === 'string' && !removed.has(normaliseWord(vote.value)),
    );
    const words = countWords(kept.filter((vote) => vote.approved).map((vote) => vote.value));
    if (audience === 'public' || !waitsForApproval(poll)) return { kind: 'words', words };
    const pending = openAnswers(kept, 'presenter').filter((answer) => !answer.approved);
    return { kind: 'words', words, pending };
  },
};
