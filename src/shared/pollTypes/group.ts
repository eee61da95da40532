import { groupAnswers } from '../aggregate.ts';
import type { GroupPoll } from '../deck.ts';
import { LIMITS } from '../protocolLimits.ts';
import type { PollTypeRules, PollTypeWords, VoteDescription } from './pollType.ts';
import { checkText, refuse } from './voteChecks.ts';

export const groupVote: VoteDescription<GroupPoll> = (_poll, value) =>
  typeof value === 'object' && !Array.isArray(value) ? [value.group, value.text] : [];

/** One answer per group (a case's exercise): the group's name and its text, always approved first. */
export const groupWords: PollTypeWords<GroupPoll> = {
  name: 'groepsantwoorden',
  instruction: () => 'Eén antwoord per groep',
  tellBack: (_poll, value) =>
    typeof value === 'object' && !Array.isArray(value) ? `Antwoord van ${value.group}: „${value.text}”` : '',
};

export const groupRules: PollTypeRules<GroupPoll> = {
  checkVote(_poll, value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return refuse('this poll takes a group name and a text');
    const fields = value as Record<string, unknown>;
    const name = checkText(fields.group, LIMITS.groupChars);
    if (!name.ok) return refuse(`group name: ${name.message}`, name.code);
    const text = checkText(fields.text, LIMITS.openChars);
    if (!text.ok) return text;
    return { ok: true, value: { group: String(name.value), text: String(text.value) } };
  },
  aggregate: (_poll, votes, audience) => ({ kind: 'answers', answers: groupAnswers(votes, audience) }),
};
