import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { LIMITS, WS_PATH } from '../shared/protocol.ts';
import { clientAddress } from './clientAddress.ts';
import { ClientConnection } from './clientConnection.ts';
import type { PollCatalog } from './pollCatalog.ts';
import { refuseSocket, requestPathname } from './guardedListeners.ts';
import { createMessageHandler } from './messageHandler.ts';
import { parseClientMessage } from './parseMessage.ts';
import { DEFAULT_LIMITS, type ParticipantLimits } from './participantLimits.ts';
import { DEFAULT_RATE_LIMIT } from './rateLimiter.ts';
import { DEFAULT_TIMINGS } from './resultsBroadcaster.ts';
import { NO_OTHER_INSTANCES, type RoomChangeFeed, type RoomChangeListener } from './roomChanges.ts';
import { RoomHub } from './roomHub.ts';
import { RoomSync } from './roomSync.ts';
import { StoreUnavailableError, type Store } from './store/Store.ts';
import { UpgradeGate } from './upgradeGate.ts';

// The WebSocket side of the poll server, to attach to any node:http server (our own in `npm start`,
// Vite's in `npm run dev`): it takes the upgrade requests for WS_PATH and nothing else.

export interface PollSocketServerOptions {
  store: Store;
  catalog: PollCatalog;
  presenterPassword?: string | null;
  /** Believe `X-Forwarded-For` for the client's address (behind a reverse proxy only). */
  trustProxy?: boolean;
  /** With several instances on one database: how this one hears of and tells the others' changes. */
  roomChanges?: (listener: RoomChangeListener) => RoomChangeFeed;
  /** Origins besides the server's own whose pages may connect: PUBLIC_URL's and ALLOWED_ORIGINS. */
  publicUrl?: string | null;
  allowedOrigins?: readonly string[];
  /** Open sockets per client address; see settings.ts. */
  maxConnectionsPerAddress?: number;
  /** The per-address and per-connection budgets and the vote grace; DEFAULT_LIMITS for what is left out. */
  limits?: Partial<ParticipantLimits>;
  /** The clock of those budgets (ms since the epoch): tests move it by hand. */
  now?: () => number;
}

export interface PollSocketServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Lets go of rooms the store deleted (retention); their clients get `unknown-room`. */
  forgetRooms(codes: string[]): void;
  close(): Promise<void>;
}

/** Rooms one connection may create: a presenter needs one, a few more cover mistakes. */
const ROOMS_PER_CONNECTION = 5;
/** How often silent connections are looked for (a phone that went to sleep without closing). */
const HEARTBEAT_MS = 30_000;
/** Close codes (RFC 6455): policy violation, going away. */
const CLOSE_FLOODING = 1008;
const CLOSE_SHUTDOWN = 1001;
const CLOSE_SERVER_ERROR = 1011;

/** A request whose handling fails unexpectedly ends its connection, not the process (nor the queue). */
const failed = (socket: WebSocket) => (error: unknown) => {
  console.error('poll server:', error);
  socket.close(CLOSE_SERVER_ERROR, 'server error');
};

export function isPollSocketRequest(request: IncomingMessage): boolean {
  return requestPathname(request.url) === WS_PATH;
}

export function createPollSocketServer(options: PollSocketServerOptions): PollSocketServer {
  const hub = new RoomHub(options.store, options.catalog, DEFAULT_TIMINGS);
  const changes = options.roomChanges?.(new RoomSync(hub, options.store)) ?? NO_OTHER_INSTANCES;
  if (options.roomChanges) {
    hub.presence.connect({
      tell: (room, participants) => changes.publish({ room, kind: 'presence', participants }),
      rooms: () => [...hub.liveEntries()].map((entry) => entry.room),
      totalChanged: (room) => hub.liveEntry(room)?.broadcaster.presenceChanged(),
    });
  }
  const handle = createMessageHandler({
    changes,
    store: options.store,
    hub,
    catalog: options.catalog,
    presenterPassword: options.presenterPassword ?? null,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    now: options.now ?? Date.now,
  });
  const connections = new Set<ClientConnection>();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: LIMITS.messageBytes, perMessageDeflate: false });
  const gate = new UpgradeGate({
    publicUrl: options.publicUrl,
    allowedOrigins: options.allowedOrigins,
    maxPerAddress: options.maxConnectionsPerAddress ?? Infinity,
    trustProxy: options.trustProxy ?? false,
  });

  sockets.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const address = clientAddress(request, options.trustProxy ?? false);
    const connection = new ClientConnection(socket, address, DEFAULT_RATE_LIMIT, ROOMS_PER_CONNECTION);
    connections.add(connection);

    socket.on('message', (data, isBinary) => {
      // Every answer goes through the connection's queue, so answers come in the order of the requests,
      // and each carries its request's ref when it had one.
      const answer = (work: () => Promise<void> | void) => {
        connection.queue = connection.queue.then(work).catch(failed(socket));
      };
      const decision = connection.limiter.check();
      if (decision === 'close') return answer(() => socket.close(CLOSE_FLOODING, 'too many messages'));
      const parsed = parseClientMessage(data, isBinary);
      if (decision === 'refuse') {
        const ref = parsed.ok ? parsed.message.ref : parsed.ref;
        return answer(() =>
          connection.send({ type: 'error', ref, code: 'rate-limited', message: 'too many messages; slow down' }),
        );
      }
      if (!parsed.ok) {
        return answer(() =>
          connection.send({ type: 'error', ref: parsed.ref, code: 'bad-message', message: parsed.message }),
        );
      }
      const message = parsed.message;
      answer(() =>
        handle(connection, message).catch((error: unknown) => {
          if (error instanceof StoreUnavailableError) {
            const text = 'the database cannot be reached; nothing was stored, try again in a moment';
            return connection.send({ type: 'error', ref: message.ref, code: 'unavailable', message: text });
          }
          console.error('poll server:', error);
          connection.send({ type: 'error', ref: message.ref, code: 'server-error', message: 'something went wrong' });
        }),
      );
    });
    socket.on('pong', () => {
      connection.alive = true;
    });
    // A message over maxPayload or a broken frame: ws closes the socket (1009, 1002); nothing else to do.
    socket.on('error', () => {});
    socket.on('close', () => {
      connections.delete(connection);
      hub.detach(connection);
    });
  });

  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) connection.socket.terminate();
      else {
        connection.alive = false;
        connection.socket.ping();
      }
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    handleUpgrade(request, socket, head) {
      const refusal = gate.admit(request, socket);
      if (refusal !== null) return refuseSocket(socket, refusal);
      sockets.handleUpgrade(request, socket, head, (webSocket) => sockets.emit('connection', webSocket, request));
    },
    forgetRooms(codes) {
      hub.forget(codes, (connection) =>
        connection.send({ type: 'error', code: 'unknown-room', message: 'this room has been deleted' }),
      );
    },
    async close() {
      clearInterval(heartbeat);
      hub.stop();
      await changes.close();
      const closed = [...connections].map(
        (connection) => new Promise<void>((resolve) => connection.socket.once('close', () => resolve())),
      );
      for (const connection of connections) connection.socket.close(CLOSE_SHUTDOWN, 'server stopping');
      // Clients that do not answer the close handshake are cut off after a moment.
      const cutOff = setTimeout(() => {
        for (const connection of connections) connection.socket.terminate();
      }, 1000);
      await Promise.all(closed);
      clearTimeout(cutOff);
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
