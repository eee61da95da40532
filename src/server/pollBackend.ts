import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Server as NetServer } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { exportThrottle, handleExport, isExportPath } from './exportEndpoint.ts';
import { answerClientErrors, guardListeners } from './guardedListeners.ts';
import { answerHealth, HEALTH_PATH } from './health.ts';
import type { PollServerMeta } from './pageMeta.ts';
import { limitsWithBursts, type ParticipantLimits } from './participantLimits.ts';
import type { PollCatalog } from './pollCatalog.ts';
import { createPollSocketServer, isPollSocketRequest } from './pollSocketServer.ts';
import { startRetention } from './retention.ts';
import type { RoomChangeFeed, RoomChangeListener } from './roomChanges.ts';
import { parseJoinCode } from './roomCredentials.ts';
import { isHttps, setSecurityHeaders } from './securityHeaders.ts';
import type { SqliteSync } from './settings.ts';
import { SqliteStore } from './store/SqliteStore.ts';
import type { Store } from './store/Store.ts';

// The poll server without its http server: store, retention, poll socket, and the routes that are the
// server's own (exports, /healthz, the short join address `/<CODE>`). `npm start` (startServer.ts) mounts
// it on a server of its own, `npm run dev` on Vite's; everything else stays the host's (dist/ or Vite).

export const DATABASE_FILE = 'polls.db';
export const JOIN_PAGE = 'join.html';

/** The settings of settings.ts the backend uses; without the limits, no limit and SQLite's normal sync. */
export interface BackendSettings {
  /** Holds the SQLite file; made when missing (0700). */
  dataDir: string;
  /** `postgres://…`: PostgreSQL instead of the SQLite file in dataDir. */
  databaseUrl?: string | null;
  sqliteSync?: SqliteSync;
  publicUrl?: string | null;
  presenterPassword?: string | null;
  retentionDays: number;
  /** Believe `X-Forwarded-For` for the client's address (behind a reverse proxy only). */
  trustProxy?: boolean;
  allowedOrigins?: readonly string[];
  maxConnectionsPerAddress?: number;
  maxConnections?: number;
  /** PARTICIPANTS_PER_ADDRESS, ROOMS_PER_ADDRESS: see participantLimits. */
  participantsPerAddress?: number;
  roomsPerAddress?: number;
  /** Every budget and the vote grace, for tests; the two above apply on top. */
  limits?: ParticipantLimits;
  now?: () => number;
}

export interface PollBackendOptions extends BackendSettings {
  catalog: PollCatalog;
  /** Base of join links and QR codes; asked per page, since the port may be known only once listening. */
  joinBase(): string;
  /** Sends the join page for `/<CODE>`; false when there is none. */
  serveJoinPage(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** The built pages get the strict Content-Security-Policy; Vite's dev pages carry inline scripts. */
  strictPolicy: boolean;
}

export interface PollBackend {
  /** The details a live page's meta tag gets (see pageMeta.ts). */
  readonly meta: PollServerMeta;
  /** Answers the backend's routes; false leaves the request to the host (after the security headers). */
  handleRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Takes the poll socket's upgrades; false for any other (Vite's hot reload). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** On a server of its own (`npm start`): every other upgrade is refused, and close() closes the server. */
  mountOwn(server: Server): void;
  /** On Vite's dev server: its hot-reload upgrades stay Vite's, and the backend closes with it. */
  mountOnVite(server: NetServer): void;
  /** No new connections first, then the sockets, the open connections and the store. */
  close(): Promise<void>;
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}

/** The decoded path of a request (`/a%20b?x` -> `/a b`); null when it is no URL or no valid escape. */
export function requestPath(request: IncomingMessage): string | null {
  try {
    return decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  } catch {
    return null;
  }
}

/** `/k7q4pm` or `/K7Q4PM` -> `K7Q4PM`; null for any other path. */
export function joinCodeOfPath(pathname: string): string | null {
  const match = /^\/([A-Za-z0-9]+)$/.exec(pathname);
  return match?.[1] ? parseJoinCode(match[1]) : null;
}

/** The store, and with PostgreSQL the feed that keeps several instances on it in step. */
async function openStore(
  settings: BackendSettings,
): Promise<{ store: Store; roomChanges?: (listener: RoomChangeListener) => RoomChangeFeed }> {
  if (!settings.databaseUrl) {
    return { store: new SqliteStore(join(settings.dataDir, DATABASE_FILE), { synchronous: settings.sqliteSync }) };
  }
  // Loaded only for PostgreSQL: the laptop's server on SQLite does without the driver's 5 MiB.
  const { PostgresStore } = await import('./store/PostgresStore.ts');
  const store = await PostgresStore.open(settings.databaseUrl);
  return { store, roomChanges: (listener) => store.roomChanges(listener) };
}

export async function createPollBackend(options: PollBackendOptions): Promise<PollBackend> {
  const { store, roomChanges } = await openStore(options);
  const { catalog } = options;
  const trustProxy = options.trustProxy ?? false;
  const sockets = createPollSocketServer({
    store,
    catalog,
    presenterPassword: options.presenterPassword ?? null,
    trustProxy,
    roomChanges,
    publicUrl: options.publicUrl,
    allowedOrigins: options.allowedOrigins,
    maxConnectionsPerAddress: options.maxConnectionsPerAddress,
    limits: limitsWithBursts(options, options.limits),
    now: options.now,
  });
  const stopRetention = await startRetention(store, options.retentionDays, (codes) => sockets.forgetRooms(codes)).catch(
    async (error: unknown) => {
      await sockets.close();
      await store.close();
      throw error;
    },
  );
  const exportContext = { store, catalog, exportFailures: exportThrottle(), trustProxy };
  const https = isHttps(options.publicUrl);
  let ownServer: Server | null = null;
  const limitConnections = (server: NetServer): void => {
    if (options.maxConnections !== undefined) server.maxConnections = options.maxConnections;
  };

  const backend: PollBackend = {
    get meta() {
      return { joinBase: options.joinBase(), passwordRequired: Boolean(options.presenterPassword) };
    },
    async handleRequest(request, response) {
      setSecurityHeaders(response, { withPolicy: options.strictPolicy, https });
      const pathname = requestPath(request);
      if (pathname === null) return (sendText(response, 400, 'Bad request\n'), true);
      if (isExportPath(pathname)) return (await handleExport(request, response, pathname, exportContext), true);
      if (pathname === HEALTH_PATH) return (await answerHealth(response, store), true);
      const code = joinCodeOfPath(pathname);
      if (code === null || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
      if (pathname !== `/${code}`) {
        // One spelling per room, the one on the screen: /k7q4pm -> /K7Q4PM.
        return (sendText(response, 302, `/${code}\n`, { Location: `/${code}` }), true);
      }
      return options.serveJoinPage(request, response);
    },
    handleUpgrade(request, socket, head) {
      if (!isPollSocketRequest(request)) return false;
      sockets.handleUpgrade(request, socket, head);
      return true;
    },
    mountOwn(server) {
      ownServer = server;
      limitConnections(server);
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (!backend.handleUpgrade(request, socket, head)) socket.destroy();
      });
      answerClientErrors(server);
      guardListeners(server);
    },
    mountOnVite(server) {
      limitConnections(server);
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        backend.handleUpgrade(request, socket, head);
      });
      // Vite answers what its parser refuses itself; its listeners are all there once it listens.
      server.once('listening', () => guardListeners(server));
      server.once('close', () => void backend.close());
    },
    async close() {
      stopRetention();
      // Stop taking connections first: a phone that reconnects meanwhile is refused and tries again (or,
      // behind a proxy, goes to another instance) instead of reaching a poll socket that is closing.
      const listening = ownServer
        ? new Promise<void>((resolve) => ownServer?.close(() => resolve()))
        : Promise.resolve();
      await sockets.close();
      ownServer?.closeAllConnections();
      await listening;
      await store.close();
    },
  };
  return backend;
}
