import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ReconnectingSocket, type PageWake, type WebSocketLike } from '../../src/client/reconnectingSocket.ts';
import type { ServerMessage } from '../../src/shared/protocol.ts';
import { snapshotMessage } from '../helpers/snapshotMessage.ts';

class FakeWebSocket implements WebSocketLike {
  readyState = 0;
  sent: string[] = [];
  closed = false;
  private readonly listeners = new Map<string, ((event: { data: unknown }) => void)[]>();
  addEventListener(type: string, listener: (event: { data: unknown }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(): void {
    this.closed = true;
  }
  emit(type: 'open' | 'close' | 'message', data?: unknown): void {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

const snapshot = snapshotMessage({ role: 'participant' });

function setup() {
  const sockets: FakeWebSocket[] = [];
  const events = { opened: 0, messages: [] as ServerMessage[], waits: [] as number[] };
  let visible = true;
  let wakeListener: (() => void) | null = null;
  let listening = false;
  const wake: PageWake = {
    visible: () => visible,
    listen(listener) {
      wakeListener = listener;
      listening = true;
      return () => (listening = false);
    },
  };
  const client = new ReconnectingSocket(
    'ws://h/polls',
    {
      open: () => events.opened++,
      message: (message) => events.messages.push(message),
      close: (wait) => events.waits.push(wait),
    },
    () => {
      const socket = new FakeWebSocket();
      sockets.push(socket);
      return socket;
    },
    () => wake,
  );
  return {
    client,
    sockets,
    events,
    last: () => sockets.at(-1) as FakeWebSocket,
    setVisible: (next: boolean) => (visible = next),
    wakeUp: () => wakeListener?.(),
    listening: () => listening,
  };
}

describe('one reconnecting socket for the deck, the remote control and the phone', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // The highest wait of each attempt: 500, 1000, 2000 ms.
    vi.spyOn(Math, 'random').mockReturnValue(1);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  test('passes on what the server says and sends only while connected', () => {
    const s = setup();
    s.client.connect();
    expect(s.client.send({ type: 'create-room' })).toBe(false);
    s.last().emit('open');
    expect(s.events.opened).toBe(1);
    expect(s.client.send({ type: 'create-room' })).toBe(true);
    expect(s.last().sent).toEqual(['{"type":"create-room"}']);
    s.last().emit('message', 'not json');
    s.last().emit('message', JSON.stringify({ type: 'presence', participants: 4 }));
    expect(s.events.messages).toEqual([{ type: 'presence', participants: 4 }]);
  });

  test('after a drop it connects again, waiting longer each time until a snapshot proves it works', () => {
    const s = setup();
    s.client.connect();
    for (let drop = 0; drop < 3; drop++) {
      s.last().emit('open');
      // A message that is not a snapshot proves nothing: the server may accept and drop at once.
      s.last().emit('message', JSON.stringify({ type: 'presence', participants: 1 }));
      s.last().emit('close');
      vi.runOnlyPendingTimers();
    }
    expect(s.events.waits).toEqual([500, 1000, 2000]);
    expect(s.sockets).toHaveLength(4);
    s.last().emit('open');
    s.last().emit('message', JSON.stringify(snapshot));
    s.last().emit('close');
    expect(s.events.waits.at(-1)).toBe(500);
  });

  test('a page that wakes up tries again at once, a hidden one waits out the backoff', () => {
    const s = setup();
    s.client.connect();
    s.last().emit('close');
    s.setVisible(false);
    s.wakeUp();
    expect(s.sockets).toHaveLength(1);
    s.setVisible(true);
    s.wakeUp();
    expect(s.sockets).toHaveLength(2);
    // Connected already: waking up changes nothing.
    s.wakeUp();
    expect(s.sockets).toHaveLength(2);
  });

  test('stopped, it closes and never comes back', () => {
    const s = setup();
    s.client.connect();
    s.last().emit('open');
    s.client.stop();
    expect(s.last().closed).toBe(true);
    expect(s.listening()).toBe(false);
    s.last().emit('close');
    vi.runAllTimers();
    expect(s.sockets).toHaveLength(1);
    expect(s.events.waits).toEqual([]);
    expect(s.client.send({ type: 'create-room' })).toBe(false);
  });
});
