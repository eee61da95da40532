import type { ClientMessage, ServerMessage } from '../shared/protocol.ts';
import { reconnectDelay } from '../shared/backoff.ts';

export interface SocketEvents {
  /** (Re)connected: the place to send `join` or `present`, so the server sends a fresh snapshot. */
  open(): void;
  message(message: ServerMessage): void;
  /** The connection dropped; `retryInMs` until the next attempt. */
  close(retryInMs: number): void;
}

/** The parts of a WebSocket the client uses (a browser WebSocket, a fake in tests). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** When the page comes back (a phone woke up, the network returned); the browser's, or a fake in tests. */
export interface PageWake {
  visible(): boolean;
  /** Calls `listener` on every wake; returns how to stop listening. */
  listen(listener: () => void): () => void;
}

const OPEN = 1;

const browserWake = (): PageWake => ({
  visible: () => document.visibilityState === 'visible',
  listen(listener) {
    document.addEventListener('visibilitychange', listener);
    window.addEventListener('online', listener);
    return () => {
      document.removeEventListener('visibilitychange', listener);
      window.removeEventListener('online', listener);
    };
  },
});

/**
 * The one socket of the deck, the remote control and the phone: after a drop or a server restart it
 * waits (doubling, with jitter) and connects again, and the caller re-sends its join on `open`. One
 * rule for all three: only a snapshot proves the connection works and resets the waits (a server that
 * accepts and drops at once must not get fast retries), and a page that wakes up tries again at once
 * instead of waiting out the backoff.
 */
export class ReconnectingSocket {
  private socket: WebSocketLike | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  private unlisten: (() => void) | null = null;

  constructor(
    private readonly url: string,
    private readonly events: SocketEvents,
    private readonly openSocket: (url: string) => WebSocketLike = (url) => new WebSocket(url),
    private readonly wake: () => PageWake = browserWake,
  ) {}

  connect(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return;
    if (!this.unlisten) {
      const wake = this.wake();
      this.unlisten = wake.listen(() => this.retryNow(wake));
    }
    const socket = this.openSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => {
      if (this.socket === socket) this.events.open();
    });
    socket.addEventListener('message', (event) => {
      if (this.socket !== socket || typeof event.data !== 'string') return;
      let message: ServerMessage;
      try {
        message = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      if (message.type === 'snapshot') this.attempt = 0;
      this.events.message(message);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      const wait = reconnectDelay(this.attempt++);
      this.timer = setTimeout(() => this.connect(), wait);
      this.events.close(wait);
    });
  }

  /** Sends when connected; false when not, so the caller can say so (a snapshot after reconnecting catches up). */
  send(message: ClientMessage): boolean {
    if (this.socket?.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  /** Stops for good: no more reconnects (e.g. the room does not exist). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unlisten?.();
    this.unlisten = null;
    this.socket?.close();
    this.socket = null;
  }

  private retryNow(wake: PageWake): void {
    if (!this.socket && this.timer !== undefined && wake.visible()) this.connect();
  }
}
