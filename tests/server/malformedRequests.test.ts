import fc from 'fast-check';
import { request as httpRequest } from 'node:http';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer.ts';
import { startDevServer, stopDevServer } from './helpers/devServer.ts';
import { malformedRequest } from './helpers/malformedRequests.ts';
import { rawExchange } from './helpers/rawHttp.ts';
import { makeDataDir, startTestServer } from './helpers/tempServer.ts';

// No request takes the server down: a generated set of malformed requests goes over raw TCP at the
// server of `npm start` and at the dev server of `npm run dev` (Vite with the poll-server plugin), and
// after each one the server must still answer an ordinary request. A fixed number of requests from a
// seed that is printed; rerun one set with MALFORMED_SEED=<seed>.

const SEED = process.env.MALFORMED_SEED ? Number(process.env.MALFORMED_SEED) : Date.now() ^ (Math.random() * 2 ** 31);
const COUNT = 200;
/** How long one request may keep its socket open; the server may wait for the rest of a request. */
const WAIT_MS = 200;

const requests = fc.sample(malformedRequest, { seed: SEED, numRuns: COUNT });

// What a listener throws would end `npm start`; here the test runner would catch it and carry on, so
// the test watches for it itself.
const uncaught: unknown[] = [];
process.on('uncaughtExceptionMonitor', (error) => uncaught.push(error));

/** The status of an ordinary GET, through Node's own client. */
function status(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    request.end();
  });
}

async function survives(port: number, healthPath: string): Promise<void> {
  console.log(`malformed requests: seed ${SEED} (rerun with MALFORMED_SEED=${SEED})`);
  const statuses = new Map<string, number>();
  for (const [index, bytes] of requests.entries()) {
    const reply = await rawExchange(port, bytes, { waitMs: WAIT_MS });
    const key = String(reply.status ?? (reply.closedByServer ? 'closed' : 'waiting'));
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    const after = await status(port, healthPath).catch((error: unknown) => String(error));
    if (after !== 200 || uncaught.length > 0) {
      throw new Error(
        `after request ${index} (${JSON.stringify(bytes.toString('latin1').slice(0, 200))}): ${after} ${String(uncaught[0] ?? '')}`,
      );
    }
  }
  console.log('malformed requests, answers:', Object.fromEntries(statuses));
}

describe('npm start', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('gets a WebSocket upgrade for `//` refused, not thrown', async () => {
    const reply = await rawExchange(
      server.port,
      'GET // HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
    );
    expect(reply.closedByServer).toBe(true);
    expect(uncaught).toEqual([]);
    expect(await status(server.port, '/')).toBe(200);
  });

  it('answers a broken request line with 400 and headers too large with 431', async () => {
    expect((await rawExchange(server.port, 'G\u0000T / HTTP/1.1\r\n\r\n')).status).toBe(400);
    const huge = `GET / HTTP/1.1\r\nHost: localhost\r\nX-Huge: ${'x'.repeat(20_000)}\r\n\r\n`;
    expect((await rawExchange(server.port, huge)).status).toBe(431);
  });

  it(`keeps serving through ${COUNT} malformed requests`, { timeout: 120_000 }, () => survives(server.port, '/'));
});

describe('npm run dev', () => {
  let server: ViteDevServer;
  let port: number;
  beforeAll(async () => {
    ({ server, port } = await startDevServer({ DATA_DIR: makeDataDir() }));
  });
  afterAll(() => stopDevServer(server));

  it(`keeps serving through ${COUNT} malformed requests`, { timeout: 120_000 }, () => survives(port, '/join.html'));
});
