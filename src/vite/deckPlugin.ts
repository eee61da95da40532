import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { ContentErrors, type ContentError } from '../content/errors.ts';
import { loadDeck } from '../content/loadDeck.ts';
import { loadPlans } from '../content/loadPlans.ts';
import { closingPolls, deckPolls, POLLS_FILE, type Deck, type PollsFile } from '../shared/deck.ts';
import { webAddress } from '../shared/deckAddress.ts';
import { agendaPlan } from '../shared/agendaPlan.ts';
import { escapeHtml } from './render/html.ts';
import { renderDeck } from './render/renderDeck.ts';
import { shareInfo, type ShareInfo } from './render/share.ts';
import { isDeckBuild } from './phonePagesPlugin.ts';
import { PLANS_DIR, readPlans, readSlides, SLIDES_DIR } from './readSlides.ts';

const SLIDES_MARKER = '<!--deck:slides-->';

function errorSlide(message: string): string {
  return (
    `<section class="build-error"><h2>Er staat een fout in de slides</h2>` +
    `<pre>${escapeHtml(message)}</pre><p>Verbeter het bestand en sla het op: de deck laadt dan opnieuw.</p></section>`
  );
}

/** The plans as a JSON data block: the deck picks one at `?plan=NAME` (src/deck/plan/). */
function plansData(deck: Deck): string {
  const json = JSON.stringify(deck.plans.map((plan) => agendaPlan(plan, deck))).replace(/</g, '\\u003c');
  return `<script type="application/json" id="deck-plans">${json}</script>`;
}

/**
 * The deck's public address from DECK_URL (e.g. `https://training.voorbeeld.nl/`), for the share
 * slide and the `og:url` of a shared link; null when it is not set. Throws on an address that is not
 * a web address.
 */
export function deckUrlSetting(text: string | undefined): string | null {
  if (!text?.trim()) return null;
  const url = webAddress(text);
  if (url) return url;
  throw new Error(`DECK_URL=${text.trim()} is geen geldig webadres; bijvoorbeeld https://training.voorbeeld.nl`);
}

/** The head's Open Graph tags get the deck's address, when the build knows it. */
function withOgUrl(html: string, url: string | null): string {
  if (!url) return html;
  return html.replace(
    /(<meta property="og:type"[^>]*>)/,
    (tag) => `${tag}\n    <meta property="og:url" content="${escapeHtml(url)}" />`,
  );
}

/** What the phone reads (see PollsFile): the polls, which of them close the day, and the deck's address. */
const pollsFile = (deck: Deck, share: string | null): string =>
  JSON.stringify({ polls: deckPolls(deck), closing: [...closingPolls(deck)], share } satisfies PollsFile);

/**
 * Turns slides/ into the deck: renders the sections into index.html at build time, writes
 * dist/deck.json and dist/polls.json, and in `npm run dev` reloads the open deck when a slide file changes.
 */
export function createDeckPlugin(options: { slidesDir?: string; plansDir?: string; deckUrl?: string } = {}): Plugin {
  let root = process.cwd();
  let share: ShareInfo | null = null;
  let slidesDir = '';
  let plansDir = '';
  let deck: Deck | null = null;
  let failure: Error | null = null;
  let warnings: string[] = [];
  let serving = false;

  const load = (): void => {
    try {
      const { deckFile, slideFiles } = readSlides(root, slidesDir);
      const deckWarnings: ContentError[] = [];
      const loaded = loadDeck(deckFile, slideFiles, deckWarnings);
      const { plans, errors, warnings: found } = loadPlans(readPlans(root, plansDir), loaded);
      warnings = [...deckWarnings, ...found].map((warning) => `let op, ${warning.message}`);
      if (errors.length > 0) throw new ContentErrors(errors);
      deck = { ...loaded, plans };
      failure = null;
    } catch (error) {
      deck = null;
      failure = error instanceof Error ? error : new Error(String(error));
    }
  };

  return {
    name: 'deck:slides',
    // The phone pages' own build needs no slides (deck.json and polls.json come from the deck's build).
    apply: isDeckBuild,
    configResolved(config) {
      root = config.root;
      slidesDir = resolve(root, options.slidesDir ?? SLIDES_DIR);
      plansDir = resolve(root, options.plansDir ?? PLANS_DIR);
      serving = config.command === 'serve';
    },
    async buildStart() {
      try {
        const url = deckUrlSetting(options.deckUrl ?? process.env.DECK_URL);
        share = url ? await shareInfo(url) : null;
      } catch (error) {
        this.error(error instanceof Error ? error.message : String(error));
      }
      load();
      for (const warning of warnings) this.warn(warning);
      if (!failure) return;
      // The dev server stays up and shows the mistake in the deck, so the trainer can fix it and go on.
      if (serving) this.warn(failure.message);
      else this.error(failure.message);
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(SLIDES_MARKER)) return html;
        if (!deck) return html.replace(SLIDES_MARKER, errorSlide(failure?.message ?? 'onbekende fout'));
        const current = deck;
        return withOgUrl(html, share?.url ?? null)
          .replace(SLIDES_MARKER, renderDeck(current, share) + plansData(current))
          .replaceAll('%DECK_TITLE%', escapeHtml(current.title))
          .replaceAll('%DECK_DESCRIPTION%', escapeHtml(current.subtitle));
      },
    },
    generateBundle() {
      if (!deck) return;
      this.emitFile({ type: 'asset', fileName: 'deck.json', source: JSON.stringify(deck, null, 2) + '\n' });
      this.emitFile({ type: 'asset', fileName: POLLS_FILE, source: pollsFile(deck, share?.url ?? null) });
    },
    configureServer(server) {
      server.watcher.add([slidesDir, plansDir]);
      const reload = (path: string): void => {
        if (![slidesDir, plansDir].some((dir) => resolve(path).startsWith(dir))) return;
        load();
        for (const warning of warnings) server.config.logger.warn(warning, { timestamp: true });
        if (failure) server.config.logger.error(failure.message, { timestamp: true });
        else server.config.logger.info(`slides bijgewerkt: ${path.slice(root.length + 1)}`, { timestamp: true });
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', reload);
      server.watcher.on('change', reload);
      server.watcher.on('unlink', reload);
      server.middlewares.use('/deck.json', (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(JSON.stringify(deck));
      });
      server.middlewares.use(`/${POLLS_FILE}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(deck ? pollsFile(deck, share?.url ?? null) : JSON.stringify({ polls: [], closing: [], share: null }));
      });
    },
  };
}
