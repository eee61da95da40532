import type { Poll } from '../shared/deck.ts';
import type { PollResults, VoteValue } from '../shared/protocol.ts';
import { voteKey, type ParticipantState } from './participantState.ts';

/** What the phone's content area shows, decided once from the state. */
export type ParticipantView =
  | { kind: 'self-study' }
  | { kind: 'code'; error: ParticipantState['codeError'] }
  | { kind: 'joining' }
  | { kind: 'polls-loading' }
  | { kind: 'polls-failed' }
  | { kind: 'waiting' }
  | {
      kind: 'poll';
      poll: Poll;
      /** The poll and round (`voteKey`). */
      key: string;
      /** `closed`: no votes taken now; `voted`: the stored vote; `form`: the form to answer. */
      mode: 'closed' | 'voted' | 'form';
      vote: VoteValue | null;
    };

export function participantView(state: ParticipantState): ParticipantView {
  if (state.selfStudy) return { kind: 'self-study' };
  if (!state.code) return { kind: 'code', error: state.codeError };
  if (!state.joined) return { kind: 'joining' };
  if (!state.polls) return { kind: state.pollsFailed ? 'polls-failed' : 'polls-loading' };
  const { current } = state;
  const poll = current && state.polls.get(current.poll);
  if (!current || !poll) return { kind: 'waiting' };
  const key = voteKey(current);
  const vote = state.votes.get(key) ?? null;
  const mode = !current.open ? 'closed' : vote !== null && !state.editing ? 'voted' : 'form';
  return { kind: 'poll', poll, key, mode, vote };
}

/**
 * Says when the content area must be built again: only when what it shows changes, so typing is never
 * wiped (a closed poll also shows the last vote).
 */
export function participantViewKey(view: ParticipantView): string {
  switch (view.kind) {
    case 'code':
      return `code:${view.error}`;
    case 'poll':
      return [view.key, view.mode, view.mode === 'closed' ? JSON.stringify(view.vote) : ''].join('|');
    default:
      return view.kind;
  }
}

/**
 * Revealed results, but only once the person has answered or voting has closed: seeing the others'
 * answers first would steer their own.
 */
export function shownResults(state: ParticipantState): { poll: Poll; results: PollResults } | null {
  const view = participantView(state);
  if (view.kind !== 'poll' || view.mode === 'form' || !state.current?.revealed) return null;
  const results = state.results.get(view.poll.id);
  if (!results || results.round !== state.current.round || results.voters === 0) return null;
  return { poll: view.poll, results };
}
