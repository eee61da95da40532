import type { ClientMessage, ErrorCode } from '../shared/protocol.ts';
import type { AddressBudget } from './addressBudget.ts';
import type { ClientConnection } from './clientConnection.ts';
import type { IdentityIssuer } from './participantIdentity.ts';
import type { RoomHub } from './roomHub.ts';
import type { SnapshotBudget } from './snapshotBudget.ts';
import type { Store } from './store/Store.ts';

// A phone joins a room as one participant. The server issues the identity (see participantIdentity):
// a phone without one for this room gets a new one, within its address's budget; a phone with one
// presents it again on every reconnect and is the same participant, with its vote. One connection is
// one participant: after joining, only the same room with the same identity may join again (a resync).

export interface JoinContext {
  store: Store;
  hub: RoomHub;
  issuer: Promise<IdentityIssuer>;
  newIdentities: AddressBudget;
  snapshots: SnapshotBudget;
  now: () => number;
}

type JoinMessage = Extract<ClientMessage, { type: 'join' }>;

const fail = (connection: ClientConnection, ref: number | undefined, code: ErrorCode, message: string): void =>
  connection.send({ type: 'error', ref, code, message });

/** A connection that is in a room already may only ask for that same membership again. */
export function isSomeoneElse(
  connection: ClientConnection,
  room: string,
  role: 'participant' | 'presenter',
  participant: string | null,
): boolean {
  const membership = connection.membership;
  if (!membership) return false;
  return membership.entry.room.code !== room || membership.role !== role || membership.participant !== participant;
}

export async function joinAsParticipant(context: JoinContext, connection: ClientConnection, message: JoinMessage) {
  const { ref, room: code, identity } = message;
  const issuer = await context.issuer;
  const presented = identity === undefined ? null : issuer.verify(code, identity);
  if (connection.membership && (presented === null || isSomeoneElse(connection, code, 'participant', presented))) {
    return fail(connection, ref, 'already-joined', 'this connection is in a room as someone else already');
  }
  if (identity !== undefined && presented === null) {
    return fail(connection, ref, 'bad-identity', 'this identity is not one this server gave for this room');
  }
  const entry = await context.hub.acquire(code);
  if (!entry) return fail(connection, ref, 'unknown-room', 'there is no room with this code');
  try {
    // Each budget is spent only when the join gets through both (no await in between).
    const now = context.now();
    const isNew = identity === undefined || presented === null;
    if (isNew && !context.newIdentities.canTake(connection.address, now)) {
      return fail(connection, ref, 'identity-limit', 'too many new participants from this address; try again soon');
    }
    if (!context.snapshots.take(connection, now)) {
      return fail(connection, ref, 'rate-limited', 'too many joins on this connection; slow down');
    }
    if (isNew) context.newIdentities.take(connection.address, now);
    const issued = isNew ? issuer.issue(code) : { identity, participant: presented };

    const { room } = entry;
    const current = room.currentState();
    const myVote = current
      ? await context.store.voteOf(room.code, current.poll, current.round, issued.participant)
      : null;
    context.hub.attach(connection, entry, 'participant', issued.participant);
    // The state may have moved on while the vote was read; then that vote is not the current one.
    const stillCurrent = room.currentState();
    const sameRound = stillCurrent?.poll === current?.poll && stillCurrent?.round === current?.round;
    const results = stillCurrent?.revealed ? room.publicResults.get(stillCurrent.poll) : undefined;
    connection.send({
      type: 'snapshot',
      ref,
      room: room.code,
      role: 'participant',
      current: stillCurrent,
      polls: stillCurrent ? [stillCurrent] : [],
      participants: context.hub.presence.participants(room),
      results: results ? [results] : [],
      myVote: sameRound ? myVote : null,
      timer: room.timerNow(Date.now()),
      identity: issued.identity,
    });
  } finally {
    context.hub.release(entry);
  }
}
