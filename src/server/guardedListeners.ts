import type { EventEmitter } from 'node:events';
import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

// Client input reaches the http server through its listeners, and Node does not catch what a listener
// throws: one bad request would end the process in the middle of a training. So every listener that
// reads the request is guarded here; what it cannot handle gets an HTTP error or a closed socket.

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  408: 'Request Timeout',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
};

/** The path of a request target (`/a/b?x` -> `/a/b`); null when it is no URL (`//`, `http://`). */
export function requestPathname(target: string | undefined): string | null {
  const base = 'http://localhost';
  return URL.canParse(target ?? '/', base) ? new URL(target ?? '/', base).pathname : null;
}

/** Answers a socket that is not (yet) HTTP anymore with a bare status line, then closes it. */
export function refuseSocket(socket: Duplex, status: number): void {
  if (!socket.writable) return void socket.destroy();
  // As ws does: end() waits for the client's side, destroy once the answer is out.
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

type Listener = (...args: unknown[]) => void;

/** A request listener that throws answers that request with a 400 (or drops it, when it has begun). */
function guardedRequest(listener: Listener): Listener {
  return (...args) => {
    try {
      listener(...args);
    } catch (error) {
      console.error('http:', error);
      const response = args[1] as ServerResponse;
      if (response.headersSent) response.destroy();
      else response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    }
  };
}

/** An upgrade listener that throws closes that one socket with a 400. */
function guardedUpgrade(listener: Listener): Listener {
  return (...args) => {
    const socket = args[1] as Duplex;
    // After an upgrade Node takes its own error listener off the socket; a reset must not be unhandled.
    socket.on('error', () => socket.destroy());
    try {
      listener(...args);
    } catch (error) {
      console.error('upgrade:', error);
      refuseSocket(socket, 400);
    }
  };
}

/**
 * Wraps every `request` and `upgrade` listener the server has, ours and those of others (Vite parses
 * the request target with `url.parse`, which throws on `http://[::1`). Call it once all are added: for
 * Vite, when the server starts listening.
 */
export function guardListeners(server: EventEmitter): void {
  for (const [event, guard] of [
    ['request', guardedRequest],
    ['upgrade', guardedUpgrade],
  ] as const) {
    const listeners = server.listeners(event) as Listener[];
    server.removeAllListeners(event);
    for (const listener of listeners) server.on(event, guard(listener));
  }
}

/**
 * What Node's parser refuses (a broken request line, headers too large, a timeout) ends up here; the
 * status says which (Vite's dev server has a handler of its own).
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    refuseSocket(socket, status);
  });
}
