import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { basename, join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { loadDeck } from '../content/loadDeck.ts';
import { joinBaseFor } from '../server/joinBase.ts';
import { livePageHtml } from '../server/pageMeta.ts';
import { createPollBackend, JOIN_PAGE, type PollBackend } from '../server/pollBackend.ts';
import { PollCatalog } from '../server/pollCatalog.ts';
import { readSettings, type ServerSettings } from '../server/settings.ts';
import { readSlides, SLIDES_DIR } from './readSlides.ts';

// `npm run dev` with live polls: the backend of `npm start` (pollBackend.ts) mounted on Vite's own http
// server. It takes only the poll socket's upgrades (Vite's hot-reload socket is left alone) and its own
// routes; Vite serves the rest, and the pages get the poll-server meta tag. The polls come from the
// slides themselves, reloaded when a slide file changes, so no build is needed.

export function createPollServerPlugin(): Plugin {
  let server: ViteDevServer | null = null;
  let backend: PollBackend | null = null;
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

      const joinFile = join(root, JOIN_PAGE);
      const live = await createPollBackend({
        ...settings,
        catalog,
        joinBase,
        serveJoinPage: async (request, response) => {
          if (!existsSync(joinFile)) return false;
          const html = await devServer.transformIndexHtml(`/${JOIN_PAGE}`, readFileSync(joinFile, 'utf8'));
          response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
          response.end(request.method === 'HEAD' ? undefined : html);
          return true;
        },
        strictPolicy: false,
      });
      backend = live;
      if (devServer.httpServer) live.mountOnVite(devServer.httpServer);
      devServer.middlewares.use((request, response, next) => {
        live.handleRequest(request, response).then((handled) => handled || next(), next);
      });

      devServer.httpServer?.once('listening', () => {
        devServer.config.logger.info(`  Polls: deelnemers gaan naar ${joinBase()}/<code>`);
      });
    },
    transformIndexHtml(html, context) {
      return backend ? livePageHtml(basename(context.filename), html, backend.meta) : html;
    },
  };
}
