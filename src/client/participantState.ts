import type { Poll } from '../shared/deck.ts';
import type { ErrorCode, PollResults, PollState, ServerMessage, VoteValue } from '../shared/protocol.ts';
import type { ConnectionStatus } from './connectionStatus.ts';
import { withResults } from './presenterState.ts';

/**
 * What the participant's phone knows: the code it is in, the polls file, and what the server said
 * since the last snapshot. Every change goes through `applyParticipantEvent`, and the view is drawn
 * from this alone (`participantView`), so the phone decides what it shows in one place.
 */
export interface ParticipantState {
  /** No poll server serves this page (static host, file): self-study, no requests. */
  selfStudy: boolean;
  /** The room's code; null while the person has to type one. */
  code: string | null;
  /** Why the typed code did not work. */
  codeError: 'codeInvalid' | 'unknownRoom' | null;
  /** The polls by id (polls.json); null until it came. */
  polls: ReadonlyMap<string, Poll> | null;
  pollsFailed: boolean;
  status: ConnectionStatus;
  /** The room's snapshot came: the phone is in (stays true through a reconnect). */
  joined: boolean;
  /** The last join was refused for now (too many new phones at once), until a snapshot comes. */
  joinRefused: ErrorCode | null;
  current: PollState | null;
  /** Acknowledged votes of this page's life, by poll and round (`voteKey`); a snapshot replaces them. */
  votes: ReadonlyMap<string, VoteValue>;
  /** What the person entered but did not send, by poll and round. */
  drafts: ReadonlyMap<string, VoteValue | null>;
  results: ReadonlyMap<string, PollResults>;
  /** The vote sent and not answered yet. */
  pending: { ref: number; key: string } | null;
  /** The person chose to change a stored vote: the form shows again, until the round changes. */
  editing: boolean;
}

export type ParticipantEvent =
  | { type: 'self-study' }
  | { type: 'enter'; code: string }
  | { type: 'code-invalid' }
  | { type: 'polls'; polls: ReadonlyMap<string, Poll> | null }
  | { type: 'closed' }
  | { type: 'server'; message: ServerMessage }
  | { type: 'join-refused'; code: ErrorCode }
  | { type: 'vote-sent'; ref: number }
  | { type: 'draft'; key: string; value: VoteValue | null }
  | { type: 'edit' };

export const voteKey = (state: Pick<PollState, 'poll' | 'round'>): string => `${state.poll}#${state.round}`;

export const INITIAL_PARTICIPANT_STATE: ParticipantState = {
  selfStudy: false,
  code: null,
  codeError: null,
  polls: null,
  pollsFailed: false,
  status: 'connecting',
  joined: false,
  joinRefused: null,
  current: null,
  votes: new Map(),
  drafts: new Map(),
  results: new Map(),
  pending: null,
  editing: false,
};

/** The room's part of the state, as it is before the first snapshot of a code. */
const NOT_JOINED = {
  status: 'connecting',
  joined: false,
  joinRefused: null,
  current: null,
  votes: new Map(),
  results: new Map(),
  pending: null,
  editing: false,
} as const satisfies Partial<ParticipantState>;

export function applyParticipantEvent(state: ParticipantState, event: ParticipantEvent): ParticipantState {
  switch (event.type) {
    case 'self-study':
      return { ...state, selfStudy: true };
    case 'enter':
      return { ...state, ...NOT_JOINED, code: event.code, codeError: null };
    case 'code-invalid':
      return { ...state, codeError: 'codeInvalid' };
    case 'polls':
      return event.polls ? { ...state, polls: event.polls, pollsFailed: false } : { ...state, pollsFailed: true };
    case 'closed':
      // A refused join is asked again on the next connection; until then the banner says offline.
      return { ...state, status: 'offline', joinRefused: null };
    case 'join-refused':
      return { ...state, joinRefused: event.code };
    case 'vote-sent':
      return state.current ? { ...state, pending: { ref: event.ref, key: voteKey(state.current) } } : state;
    case 'draft':
      return { ...state, drafts: new Map(state.drafts).set(event.key, event.value) };
    case 'edit':
      return { ...state, editing: true };
    case 'server':
      return applyServerMessage(state, event.message);
  }
}

function applyServerMessage(state: ParticipantState, message: ServerMessage): ParticipantState {
  switch (message.type) {
    case 'snapshot': {
      const votes = new Map<string, VoteValue>();
      if (message.current && message.myVote !== null) votes.set(voteKey(message.current), message.myVote);
      return withCurrent(
        {
          ...state,
          status: 'connected',
          joined: true,
          joinRefused: null,
          votes,
          results: new Map(message.results.map((results) => [results.poll, results])),
          pending: null,
        },
        message.current,
      );
    }
    case 'state':
      return withCurrent(state, message.current);
    case 'results': {
      const results = withResults(state.results, message.results);
      return results === state.results ? state : { ...state, results };
    }
    case 'ack': {
      const key = voteKey(message);
      if (state.pending?.key !== key) return state;
      const drafts = new Map(state.drafts);
      drafts.delete(key);
      return { ...state, votes: new Map(state.votes).set(key, message.value), drafts, pending: null, editing: false };
    }
    case 'error':
      if (message.code === 'unknown-room') {
        return { ...state, ...NOT_JOINED, code: null, codeError: 'unknownRoom' };
      }
      return state.pending && message.ref === state.pending.ref ? { ...state, pending: null } : state;
    default:
      return state;
  }
}

/** The poll on screen; a new poll or round ends the person's editing of the last one. */
function withCurrent(state: ParticipantState, current: PollState | null): ParticipantState {
  const moved = (state.current && voteKey(state.current)) !== (current && voteKey(current));
  return { ...state, current, editing: moved ? false : state.editing };
}
