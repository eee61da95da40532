import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Deck } from '../shared/deck.ts';
import { readDeckFile } from './deckFile.ts';
import { createRequestHandler } from './http.ts';
import { joinBaseFor } from './joinBase.ts';
import { livePageHtml } from './pageMeta.ts';
import { createPollBackend, JOIN_PAGE, type BackendSettings } from './pollBackend.ts';
import { PollCatalog } from './pollCatalog.ts';
import { createStaticSite } from './staticSite.ts';

// The whole server of `npm start` on one port: the built deck, the join page, the export endpoints and
// the poll WebSocket. main.ts starts it from the environment; tests start it on port 0.

/**
 * Connections the kernel may hold before the server accepts them. A room's phones arrive together
 * (everyone scans the QR code at once); with Node's default of 511 the rest of such a burst is
 * dropped and those phones retry only a second or more later. Linux caps it at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

export interface ServerOptions extends BackendSettings {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** The built deck; its deck.json defines the polls unless `deck` is given. */
  distDir: string;
  deck?: Deck;
}

export interface RunningServer {
  /** Where this machine reaches the server, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Base of join links and QR codes. */
  joinBase: string;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const catalog = new PollCatalog(options.deck ?? readDeckFile(options.distDir));
  // Filled in once the port is known (port 0 in tests); no page is served before that.
  let joinBase = '';
  const site = createStaticSite(options.distDir, (page, html) => livePageHtml(page, html, backend.meta));
  const backend = await createPollBackend({
    ...options,
    catalog,
    joinBase: () => joinBase,
    serveJoinPage: (request, response) => site.serve(request, response, `/${JOIN_PAGE}`),
    strictPolicy: true,
  });
  const server = createServer(createRequestHandler(backend, site));
  backend.mountOwn(server);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG }, () => resolve());
    });
  } catch (error) {
    await backend.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  joinBase = joinBaseFor(options.publicUrl, port);
  const localHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;

  return {
    url: `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${port}`,
    port,
    joinBase,
    close: () => backend.close(),
  };
}
