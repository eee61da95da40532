import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Deck } from '../shared/deck.ts';
import { readDeckFile } from './deckFile.ts';
import { PollCatalog } from './pollCatalog.ts';
import { exportThrottle } from './exportEndpoint.ts';
import { answerClientErrors, guardListeners } from './guardedListeners.ts';
import { createRequestHandler } from './http.ts';
import { joinBaseFor } from './joinBase.ts';
import type { PollServerMeta } from './pageMeta.ts';
import { limitsWithBursts, type ParticipantLimits } from './participantLimits.ts';
import { createPollSocketServer, isPollSocketRequest } from './pollSocketServer.ts';
import { startRetention } from './retention.ts';
import { isHttps } from './securityHeaders.ts';
import type { SqliteSync } from './settings.ts';
import { PostgresStore } from './store/PostgresStore.ts';
import { SqliteStore } from './store/SqliteStore.ts';
import type { Store } from './store/Store.ts';

// The whole server of `npm start` on one port: the built deck, the join page, the export endpoints and
// the poll WebSocket. main.ts starts it from the environment; tests start it on port 0.

export const DATABASE_FILE = 'polls.db';

/**
 * Connections the kernel may hold before the server accepts them. A room's phones arrive together
 * (everyone scans the QR code at once); with Node's default of 511 the rest of such a burst is
 * dropped and those phones retry only a second or more later. Linux caps it at net.core.somaxconn.
 */
const LISTEN_BACKLOG = 4096;

export interface ServerOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
  /** Holds the SQLite file; made when missing (0700). */
  dataDir: string;
  /** The built deck; its deck.json defines the polls unless `deck` is given. */
  distDir: string;
  deck?: Deck;
  publicUrl?: string | null;
  presenterPassword?: string | null;
  retentionDays: number;
  /** Believe `X-Forwarded-For` for the client's address (behind a reverse proxy only). */
  trustProxy?: boolean;
  /** `postgres://…`: PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl?: string | null;
  /** The limits and choices of settings.ts; without them, no limit and SQLite's normal sync. */
  allowedOrigins?: readonly string[];
  maxConnectionsPerAddress?: number;
  maxConnections?: number;
  sqliteSync?: SqliteSync;
  /** PARTICIPANTS_PER_ADDRESS, ROOMS_PER_ADDRESS: see participantLimits. */
  participantsPerAddress?: number;
  roomsPerAddress?: number;
  /** Every budget and the vote grace, for tests; the two above apply on top. */
  limits?: ParticipantLimits;
  now?: () => number;
}

export interface RunningServer {
  /** Where this machine reaches the server, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Base of join links and QR codes. */
  joinBase: string;
  close(): Promise<void>;
}

async function openStore(options: ServerOptions): Promise<Store> {
  if (options.databaseUrl) return PostgresStore.open(options.databaseUrl);
  return new SqliteStore(join(options.dataDir, DATABASE_FILE), { synchronous: options.sqliteSync });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const deck = options.deck ?? readDeckFile(options.distDir);
  const store = await openStore(options);
  const catalog = new PollCatalog(deck);
  const pollServer = createPollSocketServer({
    store,
    catalog,
    presenterPassword: options.presenterPassword ?? null,
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl,
    allowedOrigins: options.allowedOrigins,
    maxConnectionsPerAddress: options.maxConnectionsPerAddress,
    limits: limitsWithBursts(options, options.limits),
    now: options.now,
  });
  const stopRetention = await startRetention(store, options.retentionDays, (codes) => pollServer.forgetRooms(codes));

  // Filled in once the port is known (port 0 in tests); no page is served before that.
  const meta: PollServerMeta = { joinBase: '', passwordRequired: Boolean(options.presenterPassword) };
  const server = createServer(
    createRequestHandler({
      distDir: options.distDir,
      store,
      catalog,
      meta,
      exportFailures: exportThrottle(),
      trustProxy: options.trustProxy ?? false,
      https: isHttps(options.publicUrl),
    }),
  );
  if (options.maxConnections !== undefined) server.maxConnections = options.maxConnections;
  answerClientErrors(server);
  server.on('upgrade', (request, socket, head) => {
    if (isPollSocketRequest(request)) pollServer.handleUpgrade(request, socket, head);
    else socket.destroy();
  });
  guardListeners(server);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG }, () => resolve());
    });
  } catch (error) {
    stopRetention();
    await pollServer.close();
    await store.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  meta.joinBase = joinBaseFor(options.publicUrl, port);
  const localHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;

  return {
    url: `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${port}`,
    port,
    joinBase: meta.joinBase,
    async close() {
      stopRetention();
      await pollServer.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
