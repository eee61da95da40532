import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer, type ServerOptions } from '../../../src/server/startServer.ts';
import { PollClient } from '../../helpers/pollClient.ts';
import { testDeck } from './testDeck.ts';

// A built deck in miniature (the three pages with their meta tag, an asset), a fresh data folder, and the
// server on them for a test file.

const page = (title: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8" /><meta name="poll-server" content="" />` +
  `<title>${title}</title></head><body><script type="module" src="./assets/app.js"></script></body></html>\n`;

export function makeDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'poll-server-'));
  const dist = join(root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), page('Deck'));
  writeFileSync(join(dist, 'join.html'), page('Meedoen'));
  writeFileSync(join(dist, 'workshop-offline.html'), page('Offline'));
  writeFileSync(join(dist, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(4000))});\n`);
  writeFileSync(join(dist, 'assets', 'style.css'), 'body { color: black; }\n');
  writeFileSync(join(dist, 'deck.json'), JSON.stringify(testDeck()));
  // Outside dist/: must never be served.
  writeFileSync(join(root, 'secret.txt'), 'geheim\n');
  return dist;
}

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'poll-data-'));
}

export function startTestServer(options: Partial<ServerOptions> = {}): Promise<RunningServer> {
  return startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: options.dataDir ?? makeDataDir(),
    distDir: options.distDir ?? makeDist(),
    deck: testDeck(),
    publicUrl: 'http://192.0.2.10:8080',
    retentionDays: 30,
    ...options,
  });
}

/** Something that holds a client to close: the client itself, a joined phone or a presenter's room. */
type HoldsClient = PollClient | { client: PollClient } | { presenter: PollClient };

/**
 * The test server for the tests of one file, started before them (`options` read then) and closed after
 * them with every client handed to `track`.
 */
export function useTestServer(options: () => Partial<ServerOptions> = () => ({})) {
  let server: RunningServer | undefined;
  const clients: PollClient[] = [];
  beforeAll(async () => {
    server = await startTestServer(options());
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.close();
  });
  return {
    get url(): string {
      if (!server) throw new Error('the test server starts in beforeAll');
      return server.url;
    },
    /** Closes `value`'s client after the tests; gives `value` back. */
    track<T extends HoldsClient>(value: T): T {
      clients.push(value instanceof PollClient ? value : 'client' in value ? value.client : value.presenter);
      return value;
    },
  };
}
