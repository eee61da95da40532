import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadDeck } from '../content/loadDeck.ts';
import { PollCatalog } from '../server/pollCatalog.ts';
import { exportThrottle, handleExport, isExportPath } from '../server/exportEndpoint.ts';
import { guardListeners, requestPathname } from '../server/guardedListeners.ts';
import { JOIN_PAGE, joinCodeOfPath } from '../server/http.ts';
import { joinBaseFor } from '../server/joinBase.ts';
import { fillPollServerMeta, LIVE_PAGES } from '../server/pageMeta.ts';
import { limitsWithBursts } from '../server/participantLimits.ts';
import { createPollSocketServer, isPollSocketRequest, type PollSocketServer } from '../server/pollSocketServer.ts';
import { startRetention } from '../server/retention.ts';
import { isHttps, setSecurityHeaders } from '../server/securityHeaders.ts';
import { DATABASE_FILE } from '../server/startServer.ts';
import { readSettings, type ServerSettings } from '../server/settings.ts';
import { SqliteStore } from '../server/store/SqliteStore.ts';
import { readSlides, SLIDES_DIR } from './readSlides.ts';

// `npm run dev` with live polls: the poll server of `npm start` on Vite's own http server. The WebSocket
// takes only upgrades for WS_PATH (Vite's hot-reload socket is left alone), the same endpoints answer
// `/<CODE>` and the exports, and the pages get the poll-server meta tag. The polls come from the slides
// themselves, reloaded when a slide file changes, so no build is needed.

export function createPollServerPlugin(): Plugin {
  let server: ViteDevServer | null = null;
  const catalog = new PollCatalog();
  // Resolved once Vite's root is known (configResolved); every setting is checked as for `npm start`.
  let settings: ServerSettings = readSettings(process.env);

  const joinBase = (): string => {
    const address = server?.httpServer?.address() as AddressInfo | null | undefined;
    return joinBaseFor(settings.publicUrl, address?.port ?? server?.config.server.port ?? 5173);
  };

  return {
    name: 'deck:poll-server',
    apply: 'serve',
    config(config) {
      // Vite listens on localhost; HOST (e.g. 0.0.0.0) lets phones on the network reach the dev server.
      if (config.server?.host === undefined && settings.host !== null) return { server: { host: settings.host } };
    },
    configResolved(config) {
      settings = readSettings(process.env, config.root);
    },
    async configureServer(devServer) {
      server = devServer;
      const root = devServer.config.root;
      const slidesDir = resolve(root, SLIDES_DIR);
      const reloadDeck = (): void => {
        try {
          const { deckFile, slideFiles } = readSlides(root, slidesDir);
          catalog.setDeck(loadDeck(deckFile, slideFiles));
        } catch {
          // The deck plugin reports the mistake; votes keep going against the last good deck.
        }
      };
      reloadDeck();
      devServer.watcher.on('all', (_event, path) => {
        if (resolve(path).startsWith(slidesDir)) reloadDeck();
      });

      const store = new SqliteStore(join(settings.dataDir, DATABASE_FILE), { synchronous: settings.sqliteSync });
      const pollServer: PollSocketServer = createPollSocketServer({
        store,
        catalog,
        presenterPassword: settings.presenterPassword,
        trustProxy: settings.trustProxy,
        publicUrl: settings.publicUrl,
        allowedOrigins: settings.allowedOrigins,
        maxConnectionsPerAddress: settings.maxConnectionsPerAddress,
        limits: limitsWithBursts(settings),
      });
      const stopRetention = await startRetention(store, settings.retentionDays, (codes) =>
        pollServer.forgetRooms(codes),
      );

      const exportContext = { store, catalog, exportFailures: exportThrottle(), trustProxy: settings.trustProxy };
      // Vite answers what its parser refuses (clientError) and the upgrades of its own hot-reload socket.
      const httpServer = devServer.httpServer;
      if (httpServer) {
        httpServer.maxConnections = settings.maxConnections;
        httpServer.on('upgrade', (request, socket, head) => {
          if (isPollSocketRequest(request)) pollServer.handleUpgrade(request, socket, head);
        });
        // Once Vite has added its listeners too.
        httpServer.once('listening', () => guardListeners(httpServer));
      }
      devServer.httpServer?.once('close', () => {
        stopRetention();
        void pollServer.close().then(() => store.close());
      });

      devServer.middlewares.use((request, response, next) => {
        setSecurityHeaders(response, { withPolicy: false, https: isHttps(settings.publicUrl) });
        const pathname = requestPathname(request.url);
        if (pathname === null) {
          response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request\n');
          return;
        }
        if (isExportPath(pathname)) {
          handleExport(request, response, pathname, exportContext).catch(next);
          return;
        }
        const code = joinCodeOfPath(pathname);
        const joinFile = join(root, JOIN_PAGE);
        if (code === null || !['GET', 'HEAD'].includes(request.method ?? '') || !existsSync(joinFile)) return next();
        if (pathname !== `/${code}`) {
          response.writeHead(302, { Location: `/${code}` }).end();
          return;
        }
        devServer
          .transformIndexHtml(`/${JOIN_PAGE}`, readFileSync(joinFile, 'utf8'))
          .then((html) => {
            response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
            response.end(request.method === 'HEAD' ? undefined : html);
          })
          .catch(next);
      });

      devServer.httpServer?.once('listening', () => {
        devServer.config.logger.info(`  Polls: deelnemers gaan naar ${joinBase()}/<code>`);
      });
    },
    transformIndexHtml(html, context) {
      if (!LIVE_PAGES.has(basename(context.filename))) return html;
      return fillPollServerMeta(html, { joinBase: joinBase(), passwordRequired: settings.presenterPassword !== null });
    },
  };
}
