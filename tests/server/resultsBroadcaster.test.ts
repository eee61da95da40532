import { afterEach, describe, expect, it } from 'vitest';
import { PollCatalog } from '../../src/server/pollCatalog.ts';
import { LiveRoom } from '../../src/server/liveRoom.ts';
import { DEFAULT_TIMINGS, ResultsBroadcaster } from '../../src/server/resultsBroadcaster.ts';
import { RoomPresence } from '../../src/server/roomPresence.ts';
import { SqliteStore } from '../../src/server/store/SqliteStore.ts';
import type { PollResults, ServerMessage } from '../../src/shared/protocol.ts';
import { fakePhone, until } from './helpers/fakePhone.ts';
import { POLLS, testDeck } from './helpers/testDeck.ts';

// The phones of a big room get their updates a slice at a time (with a rest in between, so votes keep
// flowing); every slice must send what is current by then, and nothing once the results are hidden.

const ROOM = 'GROOT2';
const POLL = POLLS.single.id;
/** More than two slices' worth. */
const PHONES = 250;

const resultsOf = (received: ServerMessage[]): PollResults[] =>
  received.flatMap((message) => (message.type === 'results' ? [message.results] : []));

let broadcaster: ResultsBroadcaster | null = null;
afterEach(() => broadcaster?.stop());

async function bigRoom(onFirstPhoneMessage?: (room: LiveRoom, message: ServerMessage) => void) {
  const store = new SqliteStore(':memory:');
  await store.createRoom({ code: ROOM, keyHash: 'ab'.repeat(32), createdAt: Date.now() });
  const state = { poll: POLL, round: 1, open: true, revealed: true };
  await store.savePollState(ROOM, state);
  const room = new LiveRoom(ROOM, 'ab'.repeat(32), POLL, [state]);
  const phones = Array.from({ length: PHONES }, (_, k) =>
    fakePhone(k === 0 && onFirstPhoneMessage ? (message) => onFirstPhoneMessage(room, message) : undefined),
  );
  phones.forEach((phone, k) => room.addParticipant(phone.connection, `deelnemer-${k}`.padEnd(16, '-')));
  broadcaster = new ResultsBroadcaster(room, store, new PollCatalog(testDeck()), DEFAULT_TIMINGS, new RoomPresence());
  for (let k = 0; k < 30; k++) {
    await store.recordVote({ room: ROOM, poll: POLL, participant: `p${k}`, value: k % 3, approved: true, at: 0 });
  }
  broadcaster.votesChanged(POLL);
  return { room, phones, store, broadcaster };
}

describe('ResultsBroadcaster', () => {
  it('sends every phone of a big room the results, a slice at a time', async () => {
    const { phones } = await bigRoom();
    await until(() => phones.every((phone) => resultsOf(phone.received).length > 0));
    for (const phone of phones) expect(resultsOf(phone.received).at(-1)).toMatchObject({ voters: 30 });
  });

  it('sends the rest of the phones nothing once the results are hidden half-way', async () => {
    const { phones } = await bigRoom((room, message) => {
      if (message.type === 'results') room.states.set(POLL, { poll: POLL, round: 1, open: true, revealed: false });
    });
    await until(() => resultsOf(phones[0]?.received ?? []).length > 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const served = phones.filter((phone) => resultsOf(phone.received).length > 0).length;
    // The slice that was being sent when the results were hidden finishes; no later slice starts.
    expect(served).toBeGreaterThan(0);
    expect(served).toBeLessThan(PHONES);
  });

  it('sends no results of the old round once a reset is under way: the new state comes first', async () => {
    let reset = false;
    const { phones, room, store } = await bigRoom((room, message) => {
      if (message.type !== 'results' || reset) return;
      // The presenter resets while the round's results are half-way through the room.
      reset = true;
      const next = { poll: POLL, round: 2, open: true, revealed: true };
      void store.savePollState(ROOM, next);
      room.states.set(POLL, next);
      room.sendToEveryone({ type: 'state', current: next, changed: next });
      void broadcaster?.publishNow(POLL);
    });
    await until(() => phones.every((phone) => resultsOf(phone.received).some((results) => results.round === 2)));
    expect(room.states.get(POLL)?.round).toBe(2);
    for (const phone of phones) {
      const stateAt = phone.received.findIndex((message) => message.type === 'state');
      expect(stateAt).toBeGreaterThanOrEqual(0);
      const before = phone.received.slice(0, stateAt).filter((message) => message.type === 'results');
      const after = phone.received.slice(stateAt).filter((message) => message.type === 'results');
      expect(before.every((message) => message.type === 'results' && message.results.round === 1)).toBe(true);
      expect(after.every((message) => message.type === 'results' && message.results.round === 2)).toBe(true);
    }
  });

  it('counts the votes only when someone here needs them: not for hidden results without a presenter', async () => {
    const { room, store, broadcaster: counting } = await bigRoom();
    room.states.set(POLL, { poll: POLL, round: 1, open: true, revealed: false });
    let reads = 0;
    const votesOfRound = store.votesOfRound.bind(store);
    store.votesOfRound = (...args) => (reads++, votesOfRound(...args));
    await new Promise((resolve) => setTimeout(resolve, 100));
    reads = 0;
    await store.recordVote({ room: ROOM, poll: POLL, participant: 'laat', value: 1, approved: true, at: 0 });
    counting.votesChanged(POLL);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reads).toBe(0);
    // A presenter arrives: the snapshot counts it.
    await counting.recomputePending();
    expect(reads).toBe(1);
    expect(room.presenterResults.get(POLL)?.voters).toBe(31);
  });
});
