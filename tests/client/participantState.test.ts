import { describe, expect, test } from 'vitest';
import {
  applyParticipantEvent,
  INITIAL_PARTICIPANT_STATE,
  type ParticipantEvent,
  type ParticipantState,
} from '../../src/client/participantState.ts';
import { participantView, participantViewKey, shownResults } from '../../src/client/participantView.ts';
import type { Poll } from '../../src/shared/deck.ts';
import type { PollResults, PollState, ServerMessage } from '../../src/shared/protocol.ts';
import { snapshotMessage } from '../helpers/snapshotMessage.ts';

const poll: Poll = { id: 'rol', type: 'single', question: 'Rol?', options: ['a', 'b'], hidden: false };
const polls = new Map([[poll.id, poll]]);
const round = (n: number, extra: Partial<PollState> = {}): PollState => ({
  poll: 'rol',
  round: n,
  open: true,
  revealed: true,
  ...extra,
});
const results = (n: number, voters = 2): PollResults => ({
  poll: 'rol',
  round: n,
  voters,
  results: { kind: 'counts', counts: [voters, 0] },
});
const snapshot = (extra: Parameters<typeof snapshotMessage>[0] = {}) =>
  snapshotMessage({ role: 'participant', ...extra });

const run = (...events: ParticipantEvent[]): ParticipantState =>
  events.reduce(applyParticipantEvent, INITIAL_PARTICIPANT_STATE);
const server = (message: ServerMessage): ParticipantEvent => ({ type: 'server', message });
const inRoom = (...events: ParticipantEvent[]): ParticipantState =>
  run({ type: 'enter', code: 'K7Q4PM' }, { type: 'polls', polls }, ...events);
const on = (state: ParticipantState, ...events: ParticipantEvent[]): ParticipantState =>
  events.reduce(applyParticipantEvent, state);

describe('the phone decides what it shows from its state alone', () => {
  test('from the code field, through joining and loading, to the poll on screen', () => {
    expect(participantView(run())).toEqual({ kind: 'code', error: null });
    expect(participantView(run({ type: 'code-invalid' }))).toEqual({ kind: 'code', error: 'codeInvalid' });
    expect(participantView(run({ type: 'self-study' })).kind).toBe('self-study');
    const entered = run({ type: 'enter', code: 'K7Q4PM' });
    expect(participantView(entered).kind).toBe('joining');
    const joined = on(entered, server(snapshot()));
    expect(joined.status).toBe('connected');
    expect(participantView(joined).kind).toBe('polls-loading');
    expect(participantView(on(joined, { type: 'polls', polls: null })).kind).toBe('polls-failed');
    const waiting = on(joined, { type: 'polls', polls });
    expect(participantView(waiting).kind).toBe('waiting');
    const shown = on(waiting, server({ type: 'state', changed: round(1), current: round(1) }));
    expect(participantView(shown)).toMatchObject({ kind: 'poll', key: 'rol#1', mode: 'form', vote: null });
  });

  test('a vote is the person’s once the server acknowledged it; changing it shows the form again', () => {
    let state = inRoom(server(snapshot({ current: round(1) })), { type: 'vote-sent', ref: 7 });
    expect(state.pending).toEqual({ ref: 7, key: 'rol#1' });
    state = on(state, { type: 'draft', key: 'rol#1', value: 1 });
    // An answer for another round changes nothing.
    expect(on(state, server({ type: 'ack', poll: 'rol', round: 2, value: 0 }))).toBe(state);
    state = on(state, server({ type: 'ack', poll: 'rol', round: 1, value: 1 }));
    expect(state.pending).toBeNull();
    expect(state.drafts.has('rol#1')).toBe(false);
    expect(participantView(state)).toMatchObject({ mode: 'voted', vote: 1 });
    state = on(state, { type: 'edit' });
    expect(participantView(state)).toMatchObject({ mode: 'form', vote: 1 });
    // A new round ends the editing and starts without a vote.
    state = on(state, server({ type: 'state', changed: round(2), current: round(2) }));
    expect(state.editing).toBe(false);
    expect(participantView(state)).toMatchObject({ key: 'rol#2', mode: 'form', vote: null });
  });

  test('after a reconnect the snapshot’s own vote is what counts, and a closed poll shows it', () => {
    const state = inRoom(
      server(snapshot({ current: round(1) })),
      { type: 'closed' },
      server(snapshot({ current: round(1, { open: false }), myVote: 0 })),
    );
    expect(participantView(state)).toMatchObject({ mode: 'closed', vote: 0 });
    expect(state.status).toBe('connected');
  });

  test('the content is built again only when what it shows changes, not for a draft', () => {
    const state = inRoom(server(snapshot({ current: round(1) })));
    const key = participantViewKey(participantView(state));
    expect(participantViewKey(participantView(on(state, { type: 'draft', key: 'rol#1', value: 1 })))).toBe(key);
    expect(
      participantViewKey(participantView(on(state, server({ type: 'state', changed: round(2), current: round(2) })))),
    ).not.toBe(key);
    const closed = (vote: number) =>
      participantViewKey(
        participantView(inRoom(server(snapshot({ current: round(1, { open: false }), myVote: vote })))),
      );
    expect(closed(0)).not.toBe(closed(1));
  });

  test('a refused vote is no longer pending; an unknown room sends the person back to the code field', () => {
    const state = inRoom(server(snapshot({ current: round(1) })), { type: 'vote-sent', ref: 4 });
    const other = on(state, server({ type: 'error', ref: 9, code: 'bad-vote', message: 'no' }));
    expect(other.pending).not.toBeNull();
    expect(on(state, server({ type: 'error', ref: 4, code: 'bad-vote', message: 'no' })).pending).toBeNull();
    const gone = on(state, server({ type: 'error', ref: 1, code: 'unknown-room', message: 'no' }));
    expect(participantView(gone)).toEqual({ kind: 'code', error: 'unknownRoom' });
    expect(gone.status).toBe('connecting');
  });

  test('a refused join shows until the connection drops or a snapshot comes', () => {
    const refused = inRoom({ type: 'join-refused', code: 'identity-limit' });
    expect(refused.joinRefused).toBe('identity-limit');
    expect(on(refused, { type: 'closed' })).toMatchObject({ joinRefused: null, status: 'offline' });
    expect(on(refused, server(snapshot())).joinRefused).toBeNull();
  });
});

describe('results on the phone', () => {
  test('only once the person answered or voting closed, when revealed and in this round', () => {
    const open = inRoom(server(snapshot({ current: round(1), results: [results(1)] })));
    expect(shownResults(open)).toBeNull();
    const voted = on(open, { type: 'vote-sent', ref: 2 }, server({ type: 'ack', poll: 'rol', round: 1, value: 0 }));
    expect(shownResults(voted)?.results).toEqual(results(1));
    expect(shownResults(on(voted, { type: 'edit' }))).toBeNull();
    const hidden = on(
      voted,
      server({ type: 'state', changed: round(1, { revealed: false }), current: round(1, { revealed: false }) }),
    );
    expect(shownResults(hidden)).toBeNull();
    const closed = inRoom(server(snapshot({ current: round(2, { open: false }), results: [results(1)] })));
    expect(shownResults(closed)).toBeNull();
    expect(shownResults(on(closed, server({ type: 'results', results: results(2, 0) })))).toBeNull();
    expect(shownResults(on(closed, server({ type: 'results', results: results(2) })))?.results).toEqual(results(2));
  });

  test('an update of an earlier round that arrives late does not replace the newer round', () => {
    const state = inRoom(
      server(snapshot({ current: round(2, { open: false }) })),
      server({ type: 'results', results: results(2, 5) }),
      server({ type: 'results', results: results(1, 9) }),
    );
    expect(state.results.get('rol')).toEqual(results(2, 5));
    expect(shownResults(state)?.results.voters).toBe(5);
  });
});
