import { isModerated, waitsForApproval, type Poll } from '../shared/deck.ts';
import type { ClientMessage, ErrorCode, PollState, PresenterAction } from '../shared/protocol.ts';
import { AddressBudget } from './addressBudget.ts';
import { FailureGuard } from './failureGuard.ts';
import type { ClientConnection } from './clientConnection.ts';
import type { PollCatalog } from './pollCatalog.ts';
import { moderate } from './moderation.ts';
import { IdentityIssuer } from './participantIdentity.ts';
import { isSomeoneElse, joinAsParticipant, type JoinContext } from './participantJoin.ts';
import type { ParticipantLimits } from './participantLimits.ts';
import { setView } from './presenterView.ts';
import { newRemoteLink } from './remoteLink.ts';
import { hashKey, newJoinCode, newPresenterKey, passwordMatches, presenterSecretKind } from './roomCredentials.ts';
import type { RoomChangeFeed } from './roomChanges.ts';
import type { RoomEntry, RoomHub } from './roomHub.ts';
import { SnapshotBudget } from './snapshotBudget.ts';
import type { Store } from './store/Store.ts';
import { checkVote } from '../shared/pollTypes/rules.ts';

// What the server does with each valid message. Every request gets exactly one answer (an `error`,
// `ok`, `ack`, `room-created`, `snapshot` or `pending-page`) carrying the request's `ref`; broadcasts come on top.

export interface HandlerContext {
  store: Store;
  hub: RoomHub;
  catalog: PollCatalog;
  /** PRESENTER_PASSWORD: when set, creating a room needs it. */
  presenterPassword: string | null;
  limits: ParticipantLimits;
  /** The clock for the budgets and the vote grace (ms since the epoch); tests move it by hand. */
  now: () => number;
  /** Tells the other instances on the same database what changed (none with SQLite). */
  changes: RoomChangeFeed;
}

/** The name of the server secret that signs participant identities (see participantIdentity). */
const IDENTITY_SECRET = 'participant-identity';

type Ref = number | undefined;

const fail = (connection: ClientConnection, ref: Ref, code: ErrorCode, message: string): void =>
  connection.send({ type: 'error', ref, code, message });

/** A poll that has never been shown starts in round 1, open, with results visible unless marked hidden. */
const firstState = (poll: Poll): PollState => ({ poll: poll.id, round: 1, open: true, revealed: !poll.hidden });

export function createMessageHandler(
  context: HandlerContext,
): (connection: ClientConnection, message: ClientMessage) => Promise<void> {
  const { store, hub, catalog, limits, now, changes } = context;
  const passwords = new FailureGuard(limits.passwordFailures, limits.passwordFailuresOverall, now());
  const newRooms = new AddressBudget(limits.newRooms);
  const snapshots = new SnapshotBudget(limits.snapshots);
  const joinContext: JoinContext = {
    store,
    hub,
    issuer: store.secret(IDENTITY_SECRET).then((secret) => new IdentityIssuer(secret)),
    newIdentities: new AddressBudget(limits.newIdentities),
    snapshots,
    now,
  };

  async function createRoom(connection: ClientConnection, message: Extract<ClientMessage, { type: 'create-room' }>) {
    const { ref, password } = message;
    if (context.presenterPassword !== null) {
      if (password === undefined) return fail(connection, ref, 'password-required', 'this server needs a password');
      if (!passwords.mayTry(connection.address, now()))
        return fail(connection, ref, 'rate-limited', 'too many wrong passwords; wait a few minutes');
      if (!passwordMatches(password, context.presenterPassword)) {
        passwords.failed(connection.address, now());
        return fail(connection, ref, 'wrong-password', 'the password is not right');
      }
    }
    // A handful per connection is plenty for a presenter; the address budget keeps a script that opens
    // connection after connection from filling the disk.
    if (connection.roomCreations <= 0) return fail(connection, ref, 'rate-limited', 'too many new rooms');
    if (!newRooms.take(connection.address, now()))
      return fail(connection, ref, 'rate-limited', 'too many new rooms from this address; try again later');
    connection.roomCreations--;
    const key = newPresenterKey();
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = newJoinCode();
      if (await store.createRoom({ code, keyHash: hashKey(key), createdAt: Date.now() })) {
        return connection.send({ type: 'room-created', ref, room: code, key });
      }
    }
    fail(connection, ref, 'server-error', 'no free room code found');
  }

  async function present(connection: ClientConnection, message: Extract<ClientMessage, { type: 'present' }>) {
    // One connection is one role in one room; presenting the same room again is a resync.
    if (isSomeoneElse(connection, message.room, 'presenter', null)) {
      return fail(connection, message.ref, 'already-joined', 'this connection is in a room as someone else already');
    }
    const entry = await hub.acquire(message.room);
    if (!entry) return fail(connection, message.ref, 'unknown-room', 'there is no room with this code');
    try {
      const { room } = entry;
      const secret = presenterSecretKind(message.key, room);
      if (!secret) return fail(connection, message.ref, 'not-presenter', 'the presenter key is not right');
      if (!snapshots.take(connection, now())) {
        return fail(connection, message.ref, 'rate-limited', 'too many snapshots on this connection; slow down');
      }
      hub.attach(connection, entry, 'presenter', null);
      if (secret === 'remote') room.remotes.add(connection);
      await entry.broadcaster.recomputePending();
      const polls = [...room.states.values()].filter((state) => catalog.find(state.poll));
      connection.send({
        type: 'snapshot',
        ref: message.ref,
        room: room.code,
        role: 'presenter',
        current: room.currentState(),
        polls,
        participants: hub.presence.participants(room),
        results: polls.flatMap((state) => room.presenterResults.get(state.poll) ?? []),
        myVote: null,
        timer: room.timerNow(Date.now()),
        view: room.view,
      });
    } finally {
      hub.release(entry);
    }
  }

  async function vote(connection: ClientConnection, message: Extract<ClientMessage, { type: 'vote' }>) {
    const { ref } = message;
    const membership = connection.membership;
    if (membership?.role !== 'participant' || membership.participant === null) {
      return fail(connection, ref, 'not-joined', 'join a room before voting');
    }
    const poll = catalog.find(message.poll);
    if (!poll) return fail(connection, ref, 'unknown-poll', 'this poll does not exist');
    const { room, broadcaster } = membership.entry;
    if (!room.states.get(poll.id)?.open) return fail(connection, ref, 'poll-closed', 'voting is closed');
    if (!room.takesVotesFor(poll.id, now(), limits.voteGraceMs)) {
      return fail(connection, ref, 'not-current', 'this poll is no longer on screen');
    }
    const checked = checkVote(poll, message.value);
    if (!checked.ok) return fail(connection, ref, checked.code, checked.message);

    const recorded = await store.recordVote({
      room: room.code,
      poll: poll.id,
      participant: membership.participant,
      value: checked.value,
      approved: !waitsForApproval(poll),
      at: Date.now(),
    });
    // The store checks "open" again inside the insert: the poll may have closed in the meantime.
    if (!recorded) return fail(connection, ref, 'poll-closed', 'voting is closed');
    connection.send({ type: 'ack', ref, poll: poll.id, round: recorded.round, value: checked.value });
    broadcaster.votesChanged(poll.id);
    changes.publish({ room: membership.entry.room.code, kind: 'votes', poll: poll.id });
  }

  /** The presenter's room, or null after telling the client it is not a presenter. */
  function presentedRoom(connection: ClientConnection, ref: Ref): RoomEntry | null {
    const membership = connection.membership;
    if (membership?.role === 'presenter') return membership.entry;
    fail(connection, ref, 'not-presenter', 'only the presenter can do this');
    return null;
  }

  /** Stores the poll's new state, then tells everyone in the room. */
  async function changeState(entry: RoomEntry, poll: Poll, change: (state: PollState) => PollState) {
    const { room, broadcaster } = entry;
    const changed = change(room.states.get(poll.id) ?? firstState(poll));
    await store.savePollState(room.code, changed);
    room.states.set(poll.id, changed);
    room.sendToEveryone({ type: 'state', current: room.currentState(), changed });
    changes.publish({ room: room.code, kind: 'state', poll: poll.id });
    await broadcaster.publishNow(poll.id);
  }

  async function show(entry: RoomEntry, pollId: string | null, ref: Ref, connection: ClientConnection) {
    const { room } = entry;
    if (pollId === null) {
      const previous = room.currentState();
      await store.setCurrentPoll(room.code, null);
      room.show(null, now());
      // `state` always names a poll that changed; with nothing shown before there is nothing to tell.
      if (previous) room.sendToEveryone({ type: 'state', current: null, changed: previous });
      changes.publish({ room: room.code, kind: 'state' });
      return connection.send({ type: 'ok', ref });
    }
    const poll = catalog.find(pollId);
    if (!poll) return fail(connection, ref, 'unknown-poll', 'this poll does not exist');
    // The first time a poll is shown it opens (see firstState): the simplest flow for a trainer.
    await store.setCurrentPoll(room.code, poll.id);
    room.show(poll.id, now());
    await changeState(entry, poll, (state) => state);
    connection.send({ type: 'ok', ref });
  }

  async function setTimer(
    entry: RoomEntry,
    action: Extract<PresenterAction, { type: 'timer' }>,
    connection: ClientConnection,
  ) {
    const { timer } = action;
    if (timer && !catalog.hasCase(timer.exercise)) {
      return fail(connection, action.ref, 'unknown-exercise', 'this deck has no case with this slug');
    }
    const stored = timer ? { state: timer, setAt: Date.now() } : null;
    await store.saveTimer(entry.room.code, stored);
    entry.room.setTimer(stored);
    entry.room.sendToEveryone({ type: 'timer', timer: entry.room.timerNow(Date.now()) });
    changes.publish({ room: entry.room.code, kind: 'timer' });
    connection.send({ type: 'ok', ref: action.ref });
  }

  /** Kept for the session report's agenda as run; nobody else needs to know. */
  async function startPlanPart(
    entry: RoomEntry,
    action: Extract<PresenterAction, { type: 'plan-part' }>,
    connection: ClientConnection,
  ) {
    if (!catalog.hasPlanPart(action.plan, action.part)) {
      return fail(connection, action.ref, 'unknown-part', 'this deck has no plan with this part');
    }
    await store.recordPlanPart(entry.room.code, { plan: action.plan, part: action.part, at: Date.now() });
    connection.send({ type: 'ok', ref: action.ref });
  }

  async function presenterAction(connection: ClientConnection, action: PresenterAction) {
    const entry = presentedRoom(connection, action.ref);
    if (!entry) return;
    if (action.type === 'show') return show(entry, action.poll, action.ref, connection);
    if (action.type === 'timer') return setTimer(entry, action, connection);
    if (action.type === 'view') return setView({ store, changes }, entry, action, connection);
    if (action.type === 'pending' || action.type === 'remove-word')
      return moderate({ store, catalog, changes }, entry, action, connection);
    if (action.type === 'plan-part') return startPlanPart(entry, action, connection);

    const poll = catalog.find(action.poll);
    if (!poll) return fail(connection, action.ref, 'unknown-poll', 'this poll does not exist');
    switch (action.type) {
      case 'open':
      case 'close': {
        const open = action.type === 'open';
        await changeState(entry, poll, (state) => ({ ...state, open }));
        break;
      }
      case 'reveal':
        await changeState(entry, poll, (state) => ({ ...state, revealed: action.revealed }));
        break;
      case 'reset':
        // Earlier rounds stay in the database, for the export.
        await changeState(entry, poll, (state) => ({ ...firstState(poll), round: state.round + 1 }));
        break;
      case 'approve': {
        const found =
          isModerated(poll) && (await store.setApproved(entry.room.code, poll.id, action.answer, action.approved));
        if (!found) return fail(connection, action.ref, 'unknown-answer', 'this poll has no such answer');
        entry.broadcaster.votesChanged(poll.id);
        changes.publish({ room: entry.room.code, kind: 'moderation', poll: poll.id });
        break;
      }
    }
    connection.send({ type: 'ok', ref: action.ref });
  }

  return async (connection, message) => {
    switch (message.type) {
      case 'create-room':
        return createRoom(connection, message);
      case 'join':
        return joinAsParticipant(joinContext, connection, message);
      case 'present':
        return present(connection, message);
      case 'vote':
        return vote(connection, message);
      case 'new-remote-link':
        return newRemoteLink({ store, hub, changes }, connection, message.ref);
      default:
        return presenterAction(connection, message);
    }
  };
}
