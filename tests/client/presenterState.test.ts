import { describe, expect, test } from 'vitest';
import {
  applyServerMessage,
  currentResultsOf,
  EMPTY_LIVE_STATE,
  pollStateOf,
} from '../../src/client/presenterState.ts';
import type { Poll } from '../../src/shared/deck.ts';
import type { PollResults, ServerMessage } from '../../src/shared/protocol.ts';
import { snapshotMessage } from '../helpers/snapshotMessage.ts';

const poll: Poll = { id: 'rol', type: 'single', question: 'Rol?', options: ['a', 'b'], hidden: false };
const hiddenPoll: Poll = { ...poll, id: 'geheim', hidden: true };
const results = (round: number, counts: number[]): PollResults => ({
  poll: 'rol',
  round,
  voters: counts.reduce((a, b) => a + b, 0),
  results: { kind: 'counts', counts },
});
const snapshot = snapshotMessage;

describe('the presenter state is what the server said, nothing more', () => {
  test('a snapshot replaces everything known before', () => {
    let state = applyServerMessage(
      EMPTY_LIVE_STATE,
      snapshot({
        polls: [{ poll: 'rol', round: 1, open: true, revealed: true }],
        results: [results(1, [2, 1])],
      }),
    ).state;
    expect(currentResultsOf(state, poll)?.voters).toBe(3);
    // After a reconnect the server knows of no votes (say, another database): neither do we.
    const next = applyServerMessage(state, snapshot({ participants: 0 }));
    state = next.state;
    expect(next.changed).toBe('all');
    expect(state.participants).toBe(0);
    expect(currentResultsOf(state, poll)).toBeNull();
    expect(state.polls.size).toBe(0);
  });

  test('state, results and presence messages update one part', () => {
    let state = applyServerMessage(EMPTY_LIVE_STATE, snapshot()).state;
    const changed = applyServerMessage(state, {
      type: 'state',
      current: { poll: 'rol', round: 1, open: false, revealed: true },
      changed: { poll: 'rol', round: 1, open: false, revealed: true },
    });
    state = changed.state;
    expect(changed.changed).toEqual(['rol']);
    expect(pollStateOf(state, poll).open).toBe(false);
    expect(state.current?.poll).toBe('rol');

    state = applyServerMessage(state, { type: 'results', results: results(1, [1, 0]) }).state;
    expect(currentResultsOf(state, poll)?.results).toEqual({ kind: 'counts', counts: [1, 0] });

    const presence = applyServerMessage(state, { type: 'presence', participants: 12 });
    expect(presence.changed).toBe('presence');
    expect(presence.state.participants).toBe(12);
  });

  test('after a new round the results of the earlier round are not shown, and late updates of it are ignored', () => {
    let state = applyServerMessage(
      EMPTY_LIVE_STATE,
      snapshot({
        polls: [{ poll: 'rol', round: 1, open: true, revealed: true }],
        results: [results(1, [2, 1])],
      }),
    ).state;
    state = applyServerMessage(state, {
      type: 'state',
      current: null,
      changed: { poll: 'rol', round: 2, open: true, revealed: true },
    }).state;
    expect(currentResultsOf(state, poll)).toBeNull();
    state = applyServerMessage(state, { type: 'results', results: results(2, [0, 1]) }).state;
    const late = applyServerMessage(state, { type: 'results', results: results(1, [5, 5]) });
    expect(late.changed).toEqual([]);
    expect(currentResultsOf(late.state, poll)?.round).toBe(2);
  });

  test('a poll never shown: round 1, opens when shown, results visible unless hidden', () => {
    expect(pollStateOf(EMPTY_LIVE_STATE, poll)).toEqual({ poll: 'rol', round: 1, open: true, revealed: true });
    expect(pollStateOf(EMPTY_LIVE_STATE, hiddenPoll).revealed).toBe(false);
  });

  test('messages the presenter state does not hold change nothing', () => {
    for (const message of [
      { type: 'ok', ref: 1 },
      { type: 'ack', poll: 'rol', round: 1, value: 0 },
      { type: 'error', code: 'bad-message', message: 'x' },
    ] as ServerMessage[]) {
      expect(applyServerMessage(EMPTY_LIVE_STATE, message)).toEqual({ state: EMPTY_LIVE_STATE, changed: [] });
    }
  });
});

describe('the audience view in the presenter state', () => {
  const view = (h: number, at: number, black = false) => ({ slide: { h, v: 0 }, black, at });

  test('comes with the snapshot, and the newer of two consoles’ changes wins', () => {
    let state = applyServerMessage(EMPTY_LIVE_STATE, snapshot({ view: view(3, 100) })).state;
    expect(state.view).toEqual(view(3, 100));
    const newer = applyServerMessage(state, { type: 'view', view: view(4, 200, true) });
    expect(newer.changed).toBe('view');
    state = newer.state;
    const late = applyServerMessage(state, { type: 'view', view: view(9, 150) });
    expect(late.changed).toEqual([]);
    expect(late.state.view).toEqual(view(4, 200, true));
  });

  test('is null in a snapshot from a server that keeps none', () => {
    expect(applyServerMessage(EMPTY_LIVE_STATE, snapshot()).state.view).toBeNull();
  });
});
