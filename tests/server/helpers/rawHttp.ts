import { connect } from 'node:net';

// One exchange over a plain TCP socket, bytes exactly as given: for requests that no HTTP client would
// send. Optionally from another loopback address (Linux routes all of 127.0.0.0/8 to the loopback).

export interface RawReply {
  /** What the server sent, as latin1 text. */
  text: string;
  /** The status code of the first response line, when there was one. */
  status: number | null;
  /** Whether the server closed the socket (else the wait ran out and the test closed it). */
  closedByServer: boolean;
}

export function rawExchange(
  port: number,
  bytes: Buffer | string,
  { host = '127.0.0.1', localAddress, waitMs = 1000 }: { host?: string; localAddress?: string; waitMs?: number } = {},
): Promise<RawReply> {
  return new Promise((resolve) => {
    const socket = connect({ port, host, localAddress });
    const chunks: Buffer[] = [];
    let closedByServer = true;
    const timer = setTimeout(() => {
      closedByServer = false;
      socket.destroy();
    }, waitMs);
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {}); // a reset is an answer too: the socket closes
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ text, status: status ? Number(status) : null, closedByServer });
    });
  });
}
