import { afterEach, expect, test, vi } from 'vitest';
import { ParticipantJoin } from '../../src/join/participantJoin.ts';
import type { ClientMessage } from '../../src/shared/protocol.ts';

// The phone's join without a browser: no storage here, so the identity lives as long as the object.

const IDENTITY = `${'a'.repeat(22)}.${'T'.repeat(22)}`;

function phone() {
  const sent: ClientMessage[] = [];
  let ref = 0;
  const joining = new ParticipantJoin(
    'K7Q4PM',
    (message) => sent.push(message),
    () => ++ref,
  );
  return { joining, sent };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test('joins as new the first time, and with the issued identity after that', () => {
  const { joining, sent } = phone();
  joining.join();
  expect(sent).toEqual([{ type: 'join', ref: 1, room: 'K7Q4PM' }]);
  joining.joined(IDENTITY);
  joining.join();
  expect(sent[1]).toEqual({ type: 'join', ref: 2, room: 'K7Q4PM', identity: IDENTITY });
});

test('a refused identity is dropped and the phone joins as a new participant', () => {
  const { joining, sent } = phone();
  joining.joined(IDENTITY);
  joining.join();
  expect(joining.refused('bad-identity', 1)).toEqual({ retrying: true, waiting: false });
  expect(sent.at(-1)).toEqual({ type: 'join', ref: 2, room: 'K7Q4PM' });
  // An error for another request is not the join's.
  expect(joining.refused('bad-identity', 1)).toEqual({ retrying: false, waiting: false });
});

test('too many new phones at once: it waits, then tries again, waiting longer each time', () => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(1);
  const { joining, sent } = phone();
  joining.join();
  expect(joining.refused('identity-limit', 1)).toEqual({ retrying: true, waiting: true });
  vi.advanceTimersByTime(1999);
  expect(sent).toHaveLength(1);
  vi.advanceTimersByTime(1);
  expect(sent).toHaveLength(2);
  expect(joining.refused('identity-limit', 2)).toEqual({ retrying: true, waiting: true });
  vi.advanceTimersByTime(3999);
  expect(sent).toHaveLength(2);
  vi.advanceTimersByTime(1);
  expect(sent).toHaveLength(3);
  // Other refusals are the app's to show.
  expect(joining.refused('unknown-room', 3)).toEqual({ retrying: false, waiting: false });
});

test('the server’s database away for a moment: it waits and joins again, as for too many phones', () => {
  vi.useFakeTimers();
  vi.spyOn(Math, 'random').mockReturnValue(1);
  const { joining, sent } = phone();
  joining.join();
  expect(joining.refused('unavailable', 1)).toEqual({ retrying: true, waiting: true });
  vi.advanceTimersByTime(2000);
  expect(sent).toHaveLength(2);
});
