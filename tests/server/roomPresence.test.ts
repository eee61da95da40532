import { describe, expect, it } from 'vitest';
import { LiveRoom } from '../../src/server/liveRoom.ts';
import { RoomPresence } from '../../src/server/roomPresence.ts';
import { fakePhone } from './helpers/fakePhone.ts';

// A room's participants over every instance: this instance's phones plus what the others last said,
// as long as they keep saying it.

function roomWith(phones: number): LiveRoom {
  const room = new LiveRoom('ZAAL01', 'ab'.repeat(32), null, []);
  for (let k = 0; k < phones; k++) room.addParticipant(fakePhone().connection, `deelnemer-${k}`);
  return room;
}

function presenceAt(clock: { now: number }) {
  const told: string[] = [];
  const presence = new RoomPresence(() => clock.now);
  presence.connect({ tell: () => {}, rooms: () => [], totalChanged: (room) => told.push(room) });
  return { presence, told };
}

describe('RoomPresence', () => {
  it('counts this instance’s phones alone while no other instance has spoken', () => {
    expect(new RoomPresence().participants(roomWith(3))).toBe(3);
  });

  it('adds the latest count of every other instance, and tells when the total changes', () => {
    const clock = { now: 0 };
    const { presence, told } = presenceAt(clock);
    const room = roomWith(2);
    presence.heard('ZAAL01', 'a', 10);
    presence.heard('ZAAL01', 'b', 5);
    presence.heard('ZAAL01', 'a', 7);
    presence.heard('ANDERE', 'a', 100);
    expect(presence.participants(room)).toBe(2 + 7 + 5);
    presence.heard('ZAAL01', 'b', 5);
    presence.heard('ZAAL01', 'b', 0);
    expect(presence.participants(room)).toBe(2 + 7);
    expect(told).toEqual(['ZAAL01', 'ZAAL01', 'ZAAL01', 'ANDERE', 'ZAAL01']);
    presence.stop();
  });

  it('forgets an instance that stopped repeating its count', () => {
    const clock = { now: 0 };
    const { presence } = presenceAt(clock);
    const room = roomWith(1);
    presence.heard('ZAAL01', 'a', 40);
    clock.now = 14_000;
    expect(presence.participants(room)).toBe(41);
    clock.now = 15_000;
    expect(presence.participants(room)).toBe(1);
    presence.stop();
  });

  it('tells the other instances a changed count once per moment, however often it changes', async () => {
    const told: [string, number][] = [];
    const presence = new RoomPresence();
    const room = roomWith(2);
    presence.connect({ tell: (code, count) => told.push([code, count]), rooms: () => [room], totalChanged: () => {} });
    presence.changed(room);
    room.addParticipant(fakePhone().connection, 'nog-een');
    presence.changed(room);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(told).toEqual([['ZAAL01', 3]]);
    presence.stop();
  });
});
