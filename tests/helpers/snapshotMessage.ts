import type { ServerMessage } from '../../src/shared/protocol.ts';

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;

/** A server snapshot of an empty room `K7Q4PM`, for the client core's tests; `extra` fills in the rest. */
export function snapshotMessage(extra: Partial<Snapshot> = {}): Snapshot {
  return {
    type: 'snapshot',
    room: 'K7Q4PM',
    role: 'presenter',
    current: null,
    polls: [],
    participants: 3,
    results: [],
    myVote: null,
    timer: null,
    ...extra,
  };
}
