import { beforeEach, describe, expect, test } from 'vitest';
import { PRESENTER_ROOM_KEY } from '../../src/deck/polls/presenterRoomStore.ts';
import type { ConnectionStatus } from '../../src/client/connectionStatus.ts';
import { PresenterSession } from '../../src/deck/polls/presenterSession.ts';
import type { ClientMessage, ServerMessage, TimerState } from '../../src/shared/protocol.ts';
import { snapshotMessage } from '../helpers/snapshotMessage.ts';
import { MemoryStorage } from '../helpers/memoryStorage.ts';

const KEY = 'k'.repeat(30);

class FakeSocket {
  sent: ClientMessage[] = [];
  open = true;
  connect() {}
  send(message: ClientMessage) {
    if (this.open) this.sent.push(message);
    return this.open;
  }
  last() {
    return this.sent.at(-1);
  }
}

function setup(
  options: {
    passwordRequired?: boolean;
    stored?: object;
    passwords?: (string | null)[];
    session?: ConstructorParameters<typeof PresenterSession>[4];
  } = {},
) {
  const storage = new MemoryStorage();
  if (options.stored) storage.setItem(PRESENTER_ROOM_KEY, JSON.stringify(options.stored));
  const socket = new FakeSocket();
  const statuses: ConnectionStatus[] = [];
  const problems: string[] = [];
  const asked: boolean[] = [];
  const passwords = [...(options.passwords ?? [])];
  let onScreen: string | null = null;
  let timer: TimerState | null = null;
  const timers: (TimerState | null)[] = [];
  const refusals: string[] = [];
  let planPart: { plan: string; part: string } | null = null;
  const session = new PresenterSession(
    { mode: 'live', joinBase: 'http://h:8080', passwordRequired: options.passwordRequired ?? false },
    socket,
    storage as unknown as Storage,
    {
      askPassword: async (wrong) => {
        asked.push(wrong);
        return passwords.shift() ?? null;
      },
      update: () => {},
      status: (s) => statuses.push(s),
      problem: (m) => problems.push(m),
      currentPoll: () => onScreen,
      currentTimer: () => timer,
      pendingPage: () => {},
      timer: (next) => timers.push(next),
      refused: (code) => refusals.push(code),
      currentPlanPart: () => planPart,
    },
    options.session,
  );
  const reply = (message: ServerMessage) => session.receive(message);
  const refOf = (message: ClientMessage | undefined) => message?.ref;
  return {
    session,
    socket,
    storage,
    statuses,
    problems,
    asked,
    reply,
    refOf,
    timers,
    refusals,
    setSlide: (poll: string | null) => (onScreen = poll),
    setTimer: (next: TimerState | null) => (timer = next),
    setPlanPart: (next: { plan: string; part: string } | null) => (planPart = next),
  };
}

const snapshot = (ref?: number): ServerMessage => snapshotMessage({ ref, participants: 0 });

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the presenter room', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
  });

  test('without a stored room the deck asks for a new one, stores it and presents it', () => {
    s.session.opened();
    expect(s.socket.last()).toMatchObject({ type: 'create-room' });
    expect(s.socket.last()).not.toHaveProperty('password');
    s.reply({ type: 'room-created', ref: s.refOf(s.socket.last()), room: 'K7Q4PM', key: KEY });
    expect(JSON.parse(s.storage.getItem(PRESENTER_ROOM_KEY) ?? '')).toEqual({ room: 'K7Q4PM', key: KEY });
    expect(s.socket.last()).toMatchObject({ type: 'present', room: 'K7Q4PM', key: KEY });
  });

  test('a stored room is resumed with `present`, on every (re)connect', () => {
    s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    s.session.opened();
    expect(s.socket.sent).toEqual([{ type: 'present', room: 'K7Q4PM', key: KEY, ref: 1 }]);
    s.session.closed();
    s.session.opened();
    expect(s.socket.last()).toMatchObject({ type: 'present', room: 'K7Q4PM' });
    expect(s.statuses).toEqual(['offline']);
  });

  test('an unknown room (deleted, or another database) gets replaced by a new one', () => {
    s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    s.session.opened();
    s.reply({ type: 'error', ref: 1, code: 'unknown-room', message: 'no such room' });
    expect(s.storage.getItem(PRESENTER_ROOM_KEY)).toBeNull();
    expect(s.socket.last()).toMatchObject({ type: 'create-room' });
  });

  test('a snapshot says connected and tells the server which poll is on screen', () => {
    s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    s.setSlide('start-rol');
    s.session.opened();
    s.reply(snapshot(1));
    expect(s.statuses.at(-1)).toBe('connected');
    expect(s.socket.last()).toMatchObject({ type: 'show', poll: 'start-rol' });
    expect(s.session.liveState.room).toBe('K7Q4PM');
  });

  test('after a reconnect the deck gives the server its countdown, which went on meanwhile', () => {
    s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    const running: TimerState = { exercise: 'casus-nahom', seconds: 600, remainingMs: 412_000, running: true };
    s.setTimer(running);
    s.session.opened();
    s.reply(snapshot(1));
    expect(s.socket.sent).toContainEqual(expect.objectContaining({ type: 'timer', timer: running }));
  });

  test('without a countdown on either side, a reconnect sends none', () => {
    s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    s.session.opened();
    s.reply(snapshot(1));
    expect(s.socket.sent.some((message) => message.type === 'timer')).toBe(false);
  });

  test('after a reconnect the deck tells the part of the plan on screen, and without a plan nothing', () => {
    s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    s.session.opened();
    s.reply(snapshot(1));
    expect(s.socket.sent.some((message) => message.type === 'plan-part')).toBe(false);
    s.setPlanPart({ plan: 'dagdeel', part: 'block-1' });
    s.session.opened();
    s.reply(snapshot(1));
    expect(s.socket.sent).toContainEqual(
      expect.objectContaining({ type: 'plan-part', plan: 'dagdeel', part: 'block-1' }),
    );
  });

  test('rubbish in storage counts as no room', () => {
    s = setup({ stored: { room: '<script>', key: 'x' } });
    s.session.opened();
    expect(s.socket.last()).toMatchObject({ type: 'create-room' });
  });

  test('actions refused by the server come back as a problem in words', () => {
    s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    s.session.opened();
    s.reply(snapshot(1));
    s.session.act({ type: 'open', poll: 'x' });
    s.reply({ type: 'error', ref: s.refOf(s.socket.last()), code: 'unknown-poll', message: 'no' });
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]).toMatch(/kent deze poll niet/);
  });

  test('without a connection an action is not sent, and the caller hears so', () => {
    s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    s.session.opened();
    s.reply(snapshot(1));
    s.socket.open = false;
    expect(s.session.act({ type: 'close', poll: 'x' })).toBe(false);
  });
});

describe('PRESENTER_PASSWORD', () => {
  test('asked before creating a room when the server says it needs one', async () => {
    const s = setup({ passwordRequired: true, passwords: ['geheim'] });
    s.session.opened();
    await flush();
    expect(s.asked).toEqual([false]);
    expect(s.socket.last()).toMatchObject({ type: 'create-room', password: 'geheim' });
  });

  test('a wrong password asks again, saying so', async () => {
    const s = setup({ passwordRequired: true, passwords: ['fout', 'goed'] });
    s.session.opened();
    await flush();
    s.reply({ type: 'error', ref: s.refOf(s.socket.last()), code: 'wrong-password', message: 'no' });
    await flush();
    expect(s.asked).toEqual([false, true]);
    expect(s.socket.last()).toMatchObject({ type: 'create-room', password: 'goed' });
  });

  test('a server that needs a password the page did not announce still gets asked, once', async () => {
    const s = setup({ passwords: ['geheim'] });
    s.session.opened();
    s.reply({ type: 'error', ref: s.refOf(s.socket.last()), code: 'password-required', message: 'no' });
    await flush();
    expect(s.asked).toEqual([false]);
    expect(s.socket.last()).toMatchObject({ type: 'create-room', password: 'geheim' });
  });

  test('declining the password leaves the deck without a session, and no further requests', async () => {
    const s = setup({ passwordRequired: true, passwords: [null] });
    s.session.opened();
    await flush();
    expect(s.statuses.at(-1)).toBe('no-session');
    expect(s.socket.sent).toEqual([]);
  });
});

describe('the remote-control link', () => {
  const TOKEN = 't'.repeat(32);
  const connected = () => {
    const s = setup({ stored: { room: 'K7Q4PM', key: KEY } });
    s.session.opened();
    s.reply(snapshot(1));
    return s;
  };

  test('is asked from the server once, kept with the room, and renewed only on request', async () => {
    const s = connected();
    const first = s.session.remoteLink(false);
    expect(s.socket.last()).toMatchObject({ type: 'new-remote-link' });
    s.reply({ type: 'remote-link', ref: s.refOf(s.socket.last()), room: 'K7Q4PM', token: TOKEN });
    expect(await first).toBe(TOKEN);
    expect(JSON.parse(s.storage.getItem(PRESENTER_ROOM_KEY) ?? '')).toEqual({
      room: 'K7Q4PM',
      key: KEY,
      remote: TOKEN,
    });
    const sent = s.socket.sent.length;
    expect(await s.session.remoteLink(false)).toBe(TOKEN);
    expect(s.socket.sent).toHaveLength(sent);
    const renewed = s.session.remoteLink(true);
    s.reply({ type: 'remote-link', ref: s.refOf(s.socket.last()), room: 'K7Q4PM', token: 'n'.repeat(32) });
    expect(await renewed).toBe('n'.repeat(32));
  });

  test('a refusal or a lost connection fails the request, without a second complaint', async () => {
    const s = connected();
    const refused = s.session.remoteLink(false);
    s.reply({ type: 'error', ref: s.refOf(s.socket.last()), code: 'rate-limited', message: 'wait' });
    await expect(refused).rejects.toThrow('wait');
    expect(s.problems).toEqual([]);
    const lost = s.session.remoteLink(false);
    s.session.closed();
    await expect(lost).rejects.toThrow();
    s.socket.open = false;
    await expect(s.session.remoteLink(true)).rejects.toThrow();
  });
});

describe('the windows that follow: the audience view and the remote control', () => {
  const stored = { room: 'K7Q4PM', key: KEY };
  const running: TimerState = { exercise: 'casus', seconds: 600, remainingMs: 500_000, running: true };

  test('the audience view presents the stored room, makes none, and tells the server nothing after a snapshot', () => {
    const empty = setup({ session: { follower: true } });
    empty.session.opened();
    expect(empty.socket.sent).toEqual([]);
    expect(empty.statuses).toEqual(['no-session']);

    const { session, socket, reply, refOf, setSlide, timers } = setup({ stored, session: { follower: true } });
    session.opened();
    expect(socket.last()).toMatchObject({ type: 'present', room: 'K7Q4PM', key: KEY });
    setSlide('kies-een');
    reply(snapshotMessage({ ref: refOf(socket.last()), timer: running }));
    expect(socket.sent).toHaveLength(1);
    // It shows the countdown as the server has it, and follows later changes.
    reply({ type: 'timer', timer: null });
    expect(timers).toEqual([running, null]);
  });

  test('the remote control presents with its token, never stores it, and stops when the room refuses it', () => {
    const { session, socket, storage, reply, refOf, refusals, statuses } = setup({
      session: { room: { room: 'K7Q4PM', key: 'r'.repeat(32) } },
    });
    session.opened();
    expect(socket.last()).toMatchObject({ type: 'present', room: 'K7Q4PM', key: 'r'.repeat(32) });
    reply({ type: 'error', ref: refOf(socket.last()), code: 'not-presenter', message: 'no' });
    expect(refusals).toEqual(['not-presenter']);
    expect(statuses.at(-1)).toBe('no-session');
    // No new room in its place, nothing stored.
    expect(socket.sent).toHaveLength(1);
    expect(storage.getItem(PRESENTER_ROOM_KEY)).toBeNull();
  });
});
