import type { ClientMessage, ServerMessage } from '../shared/protocol.ts';
import { reconnectDelay } from '../shared/backoff.ts';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

export interface ConnectionOptions {
  url: string;
  /** Called on every (re)connect: the place to send `join` or `present`, so the server sends a fresh snapshot. */
  onOpen: () => void;
  onMessage: (message: ServerMessage) => void;
  onStatus: (status: ConnectionStatus) => void;
}

export interface Connection {
  /** Sends when connected; false when not, so the caller can tell the person. */
  send: (message: ClientMessage) => boolean;
  /** Stops for good: no more reconnects (e.g. the room does not exist). */
  stop: () => void;
}

/**
 * A WebSocket that comes back by itself: after a drop or a server restart it waits (doubling, with
 * jitter) and connects again; the caller re-sends its join and renders the snapshot that follows.
 */
export function openConnection(options: ConnectionOptions): Connection {
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    options.onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    const current = new WebSocket(options.url);
    socket = current;
    current.addEventListener('open', () => {
      options.onStatus('open');
      options.onOpen();
    });
    current.addEventListener('message', (event) => {
      // A server that accepts and then drops us at once must not get fast retries: only a message
      // proves the connection works.
      attempt = 0;
      let message: ServerMessage;
      try {
        message = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      options.onMessage(message);
    });
    current.addEventListener('close', () => {
      if (socket !== current || stopped) return;
      socket = null;
      options.onStatus('reconnecting');
      timer = setTimeout(connect, reconnectDelay(attempt));
      attempt += 1;
    });
  };

  // A phone that slept or lost its network: try again now instead of waiting out the backoff.
  const retryNow = (): void => {
    if (!socket && timer !== undefined && document.visibilityState === 'visible') connect();
  };
  document.addEventListener('visibilitychange', retryNow);
  window.addEventListener('online', retryNow);

  connect();

  return {
    send(message) {
      if (socket?.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', retryNow);
      window.removeEventListener('online', retryNow);
      socket?.close();
      socket = null;
    },
  };
}
