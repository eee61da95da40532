import type { ClientMessage, ServerMessage } from '../../shared/protocol.ts';
import { reconnectDelay } from '../../shared/backoff.ts';

export interface SocketEvents {
  open(): void;
  message(message: ServerMessage): void;
  /** The connection dropped; `retryInMs` until the next attempt. */
  close(retryInMs: number): void;
}

/**
 * A WebSocket that comes back: after a drop it reconnects with growing, jittered waits. The caller
 * says when a connection proved healthy (a snapshot arrived), which resets the waits.
 */
export class ReconnectingSocket {
  private socket: WebSocket | null = null;
  private attempt = 0;
  private timer: number | undefined;

  constructor(
    private readonly url: string,
    private readonly events: SocketEvents,
  ) {}

  connect(): void {
    window.clearTimeout(this.timer);
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener('open', () => this.events.open());
    socket.addEventListener('message', (event) => {
      if (typeof event.data !== 'string') return;
      let message: ServerMessage;
      try {
        message = JSON.parse(event.data) as ServerMessage;
      } catch {
        return;
      }
      this.events.message(message);
    });
    socket.addEventListener('close', () => {
      if (this.socket !== socket) return;
      this.socket = null;
      const wait = reconnectDelay(this.attempt++);
      this.timer = window.setTimeout(() => this.connect(), wait);
      this.events.close(wait);
    });
  }

  /** The connection works: the next drop starts again with a short wait. */
  markHealthy(): void {
    this.attempt = 0;
  }

  /** Sends when connected; returns false otherwise (a snapshot after reconnecting catches up). */
  send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }
}
