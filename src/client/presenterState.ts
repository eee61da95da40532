import type { Poll } from '../shared/deck.ts';
import type { PollResults, PollState, ServerMessage, ViewState } from '../shared/protocol.ts';

/**
 * What a presenter window (the console, the remote control, the audience view) knows about the room: nothing but what the server said. Every snapshot
 * replaces it whole, so after a reconnect the slides show exactly what the server holds.
 */
export interface LiveState {
  room: string | null;
  participants: number;
  /** The poll on screen, as the server has it. */
  current: PollState | null;
  polls: ReadonlyMap<string, PollState>;
  results: ReadonlyMap<string, PollResults>;
  /** Where the audience view stands, as the server has it (null before any console set it). */
  view: ViewState | null;
}

export const EMPTY_LIVE_STATE: LiveState = {
  room: null,
  participants: 0,
  current: null,
  polls: new Map(),
  results: new Map(),
  view: null,
};

/** What one message changed: every poll ('all'), the count, the audience view, or the polls named. */
export type LiveChange = 'all' | 'presence' | 'view' | string[];

/** The state after one server message, and which polls it touched ('all' after a snapshot). */
export function applyServerMessage(
  state: LiveState,
  message: ServerMessage,
): { state: LiveState; changed: LiveChange } {
  switch (message.type) {
    case 'snapshot': {
      const polls = new Map(message.polls.map((poll) => [poll.poll, poll]));
      if (message.current) polls.set(message.current.poll, message.current);
      return {
        state: {
          room: message.room,
          participants: message.participants,
          current: message.current,
          polls,
          results: new Map(message.results.map((results) => [results.poll, results])),
          view: message.view ?? null,
        },
        changed: 'all',
      };
    }
    case 'state': {
      const polls = new Map(state.polls);
      polls.set(message.changed.poll, message.changed);
      if (message.current) polls.set(message.current.poll, message.current);
      return { state: { ...state, polls, current: message.current }, changed: [message.changed.poll] };
    }
    case 'results': {
      const results = withResults(state.results, message.results);
      if (results === state.results) return { state, changed: [] };
      return { state: { ...state, results }, changed: [message.results.poll] };
    }
    case 'presence':
      return { state: { ...state, participants: message.participants }, changed: 'presence' };
    case 'view':
      if (!isNewerView(message.view, state.view)) return { state, changed: [] };
      return { state: { ...state, view: message.view }, changed: 'view' };
    default:
      return { state, changed: [] };
  }
}

/**
 * The known results with one update in. An update of an earlier round can arrive after a reset: the
 * newer round wins, and the same map comes back.
 */
export function withResults(
  known: ReadonlyMap<string, PollResults>,
  update: PollResults,
): ReadonlyMap<string, PollResults> {
  const before = known.get(update.poll);
  if (before && before.round > update.round) return known;
  return new Map(known).set(update.poll, update);
}

/**
 * A poll's state. A poll the server has no state for has never been shown; the server opens it when
 * it is first shown, in round 1, with its results visible unless the poll is marked hidden.
 */
export function pollStateOf(state: LiveState, poll: Poll): PollState {
  return state.polls.get(poll.id) ?? { poll: poll.id, round: 1, open: true, revealed: !poll.hidden };
}

/** The results of the poll's current round; null when nobody answered in it yet. */
export function currentResultsOf(state: LiveState, poll: Poll): PollResults | null {
  const results = state.results.get(poll.id);
  return results && results.round === pollStateOf(state, poll).round ? results : null;
}

/** Of two consoles' changes the newer wins, whichever arrives last. */
export function isNewerView(view: ViewState, than: ViewState | null): boolean {
  return than === null || view.at > than.at;
}
