import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { RunningServer } from '../../src/server/startServer.ts';
import { WS_PATH } from '../../src/shared/protocol.ts';
import { startTestServer } from './helpers/tempServer.ts';

// Which WebSocket upgrades the real server takes: pages of its own origin (and of PUBLIC_URL and
// ALLOWED_ORIGINS) but no other site's, and at most MAX_CONNECTIONS_PER_ADDRESS sockets per address.
// The sockets come from addresses of their own in 127.0.0.0/8, so other tests are not disturbed.

const CAP = 5;
let server: RunningServer;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    publicUrl: 'https://polls.voorbeeld.nl',
    allowedOrigins: ['https://deck.voorbeeld.nl'],
    maxConnectionsPerAddress: CAP,
  });
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});
afterAll(() => server.close());

/** Opens a socket; resolves with it, or with the HTTP status that refused the upgrade. */
function open(options: { origin?: string; localAddress?: string; port?: number } = {}): Promise<WebSocket | number> {
  const socket = new WebSocket(`ws://127.0.0.1:${options.port ?? server.port}${WS_PATH}`, {
    origin: options.origin,
    localAddress: options.localAddress,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

describe('origin', () => {
  it('refuses a page of another site with 403 before the upgrade', async () => {
    expect(await open({ origin: 'https://elders.example', localAddress: '127.0.0.20' })).toBe(403);
    expect(await open({ origin: 'null', localAddress: '127.0.0.20' })).toBe(403);
    // The right host name under another port or scheme is another origin.
    expect(await open({ origin: `http://127.0.0.1:${server.port + 1}`, localAddress: '127.0.0.20' })).toBe(403);
  });

  it("takes the server's own origin, over http or https, PUBLIC_URL's, ALLOWED_ORIGINS and no Origin", async () => {
    for (const origin of [
      `http://127.0.0.1:${server.port}`,
      `https://127.0.0.1:${server.port}`,
      'https://polls.voorbeeld.nl',
      'https://DECK.voorbeeld.nl',
      undefined,
    ]) {
      expect(await open({ origin, localAddress: '127.0.0.21' })).toBeInstanceOf(WebSocket);
    }
  });
});

describe('connections per address', () => {
  it('refuses the one over the cap with 429, lets another address in, and frees a place on close', async () => {
    const first = await Promise.all(Array.from({ length: CAP }, () => open({ localAddress: '127.0.0.22' })));
    expect(first.every((socket) => socket instanceof WebSocket)).toBe(true);
    expect(await open({ localAddress: '127.0.0.22' })).toBe(429);
    expect(await open({ localAddress: '127.0.0.23' })).toBeInstanceOf(WebSocket);

    const closing = first[0] as WebSocket;
    const closed = new Promise((resolve) => closing.once('close', resolve));
    closing.close();
    await closed;
    // The server has seen the close once it answers the next upgrade; poll for it, without a sleep.
    await expect.poll(() => open({ localAddress: '127.0.0.22' }).then((r) => r instanceof WebSocket)).toBe(true);
    expect(await open({ localAddress: '127.0.0.22' })).toBe(429);
  });

  it('counts refused upgrades nowhere: a foreign origin takes no place', async () => {
    for (let k = 0; k < CAP + 2; k++)
      expect(await open({ origin: 'https://elders.example', localAddress: '127.0.0.24' })).toBe(403);
    expect(await open({ localAddress: '127.0.0.24' })).toBeInstanceOf(WebSocket);
  });
});

describe('connections of the whole server', () => {
  it('drops the connection over MAX_CONNECTIONS and serves the others', async () => {
    const small = await startTestServer({ maxConnections: 3 });
    try {
      const port = small.port;
      const three = await Promise.all(Array.from({ length: 3 }, () => open({ port, localAddress: '127.0.0.25' })));
      expect(three.every((socket) => socket instanceof WebSocket)).toBe(true);
      await expect(open({ port, localAddress: '127.0.0.26' })).rejects.toThrow();
      const last = three[2] as WebSocket;
      last.send(JSON.stringify({ type: 'create-room', ref: 1 }));
      const answer = await new Promise<string>((resolve) => last.once('message', (data) => resolve(String(data))));
      expect(JSON.parse(answer)).toMatchObject({ type: 'room-created', ref: 1 });
    } finally {
      for (const socket of sockets.splice(0)) socket.terminate();
      await small.close();
    }
  });
});
