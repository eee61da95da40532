import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { freePort } from './deckPages.ts';
import { DIST } from './serveDist.ts';

/**
 * The real poll server with the built deck, on 127.0.0.1 with a database of its own, for the tests of
 * one `describe` block: started before them, stopped (and its data removed) after them. Its join links
 * name the same address, so a phone page can follow the QR code's link, unless `publicUrl` names
 * another.
 */
export function useLivePollServer(options: { publicUrl?: string } = {}): { readonly url: string } {
  let server: RunningServer | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'poll-server-test-'));
    const port = await freePort();
    server = await startServer({
      port,
      host: '127.0.0.1',
      dataDir,
      distDir: process.env.DECK_DIST ?? DIST,
      publicUrl: options.publicUrl ?? `http://127.0.0.1:${port}`,
      retentionDays: 30,
    });
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get url() {
      if (!server) throw new Error('the poll server starts in beforeAll');
      return server.url;
    },
  };
}
