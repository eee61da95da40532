import { describe, expect, it } from 'vitest';
import { PHONES_PER_SLICE, PhoneChannel, SlicePacer, sendInSlices } from '../../src/server/phoneChannel.ts';
import type { ClientConnection } from '../../src/server/clientConnection.ts';
import type { ServerMessage } from '../../src/shared/protocol.ts';
import { fakePhone } from './helpers/fakePhone.ts';

// A room's messages to its phones go out a slice at a time, in the order they were queued, to the
// phones that were there when they were queued and are still there.

const PHONES = PHONES_PER_SLICE * 3 + 20;
const timer = (seconds: number): ServerMessage => ({
  type: 'timer',
  timer: { exercise: 'casus', seconds: 60, remainingMs: seconds * 1000, running: false },
});
const SLICES = { share: 0.5, droppable: false };

function room(count: number) {
  const phones = Array.from({ length: count }, () => fakePhone());
  const present = new Set<ClientConnection>(phones.map((phone) => phone.connection));
  return { phones, present, channel: new PhoneChannel(present) };
}

describe('PhoneChannel', () => {
  it('sends a message to every phone, but not all of them in one go', async () => {
    // Set by a microtask queued when the first phone gets it: true by the time the last one does only
    // when the server did other work in between.
    let otherWorkRan = false;
    let otherWorkBeforeLast = false;
    const first = fakePhone(() => queueMicrotask(() => (otherWorkRan = true)));
    const last = fakePhone(() => (otherWorkBeforeLast = otherWorkRan));
    const phones = [first, ...Array.from({ length: PHONES - 2 }, () => fakePhone()), last];
    const channel = new PhoneChannel(new Set(phones.map((phone) => phone.connection)));
    await channel.send(JSON.stringify(timer(60)), SLICES);
    for (const phone of phones) expect(phone.received).toEqual([timer(60)]);
    expect(otherWorkBeforeLast).toBe(true);
  });

  it('keeps the order of the messages for every phone', async () => {
    const { phones, channel } = room(PHONES);
    void channel.send(JSON.stringify(timer(60)), SLICES);
    void channel.send(JSON.stringify(timer(30)), SLICES);
    await channel.send(() => JSON.stringify(timer(10)), SLICES);
    for (const phone of phones) expect(phone.received).toEqual([timer(60), timer(30), timer(10)]);
  });

  it('skips a phone that left, and one that came after the message was queued', async () => {
    const { phones, present, channel } = room(PHONES);
    const sent = channel.send(JSON.stringify(timer(60)), SLICES);
    const leaver = phones.at(-1);
    if (leaver) present.delete(leaver.connection);
    const late = fakePhone();
    present.add(late.connection);
    await sent;
    expect(leaver?.received).toEqual([]);
    expect(late.received).toEqual([]);
    expect(phones.slice(0, -1).every((phone) => phone.received.length === 1)).toBe(true);
  });

  it('stops when the message it asks for is gone, and sends nothing once stopped', async () => {
    const { phones, channel } = room(PHONES);
    let asked = 0;
    await channel.send(() => (++asked > 2 ? null : JSON.stringify(timer(5))), SLICES);
    expect(phones.filter((phone) => phone.received.length > 0)).toHaveLength(2 * PHONES_PER_SLICE);
    channel.stop();
    await channel.send(JSON.stringify(timer(1)), SLICES);
    expect(phones.some((phone) => phone.received.length > 1)).toBe(false);
  });

  it('lets the rooms take turns: one slice at a time over all of them', async () => {
    const pacer = new SlicePacer();
    const order: string[] = [];
    const send = (name: string) => {
      const { phones, present } = room(PHONES_PER_SLICE * 3);
      const current = () => (order.push(name), JSON.stringify(timer(1)));
      const connections = phones.map((phone) => phone.connection);
      return sendInSlices(connections, current, (phone) => present.has(phone), SLICES, pacer);
    };
    await Promise.all([send('a'), send('b')]);
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b']);
  });
});
