// `npm run export:pdf`: prints the built deck to dist/workshop.pdf (one 16:9 page per slide, through
// reveal.js's own ?print-pdf view) and the handout to dist/handout.pdf (A4), with Debian's Chromium.
// `npm run export:pdf -- --plan dagdeel` prints one plan instead: dist/workshop-dagdeel.pdf with only its
// slides and dist/handout-dagdeel.pdf with only its blocks and cases, its goals and agenda.
// Builds first when dist/ has no deck yet (or always, with --build). Nothing is loaded from another host.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { build, preview } from 'vite';
import { escapeHtml } from '../src/vite/render/html.ts';
import { renderHandout } from '../src/vite/render/handout.ts';
import type { Deck, Plan } from '../src/shared/deck.ts';
import { findChromium, launchChromium } from './chromium.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** The slide size the deck is made for (reveal's `width` and `height` in src/deck/startDeck.ts). */
export const SLIDE = { width: 1280, height: 720 };

/** The handout's page margins; the page number sits in the bottom margin. */
const HANDOUT_MARGIN = { top: '18mm', right: '20mm', bottom: '20mm', left: '20mm' };

export interface ExportOptions {
  /** The project folder (with vite.config.ts); the default is this project. */
  root?: string;
  /** The built deck; the default is dist/ in the project folder. */
  distDir?: string;
  /** Build even when dist/ already holds a deck. */
  build?: boolean;
  /** Chromium to print with; the default is CHROME_PATH or Debian's /usr/bin/chromium. */
  chromePath?: string;
  /** Where progress goes; nothing is printed when left out. */
  log?: (line: string) => void;
  /** A plan's id (a file in plans/): print only what the plan shows. */
  plan?: string;
}

export interface ExportResult {
  workshopPdf: string;
  handoutPdf: string;
  /** The pages of workshop.pdf: one per slide. */
  slides: number;
}

/** Lets a page load from `origin` (and data: URIs) only; everything else is refused and remembered. */
async function allowOnly(context: BrowserContext, origin: string | null, refused: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || (origin && url.startsWith(origin))) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
}

/**
 * reveal's print style sheet sets every slide's padding to 0 and its display to block (with
 * !important), which undoes the theme: text against the page edge, a title slide no longer centred.
 * This gives each slide back the padding and the flex or grid layout the theme has for it.
 */
function keepThemeLayout(): void {
  const root = document.documentElement;
  const slides = [...document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)')];
  root.classList.remove('reveal-print');
  const theme = slides.map((slide) => {
    const style = getComputedStyle(slide);
    return { padding: style.padding, display: style.display };
  });
  root.classList.add('reveal-print');
  slides.forEach((slide, k) => {
    const wanted = theme[k];
    if (!wanted) return;
    slide.style.setProperty('padding', wanted.padding, 'important');
    if (/flex|grid/.test(wanted.display)) slide.style.setProperty('display', wanted.display, 'important');
  });
}

/** The deck in reveal's print view (`?print-pdf`), one 1280x720 page per slide. */
async function printSlides(browser: Browser, deckUrl: string, path: string, plan: string | null): Promise<number> {
  const context = await browser.newContext({ viewport: SLIDE, reducedMotion: 'reduce' });
  const refused: string[] = [];
  await allowOnly(context, new URL(deckUrl).origin, refused);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // reveal tells when the print layout is done with a `pdf-ready` event that bubbles up to the document.
  await page.addInitScript(() => {
    document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-pdf-ready', ''));
  });
  // margin=0: reveal sizes its print pages as the slide plus the margin; without one a page is exactly a slide.
  const planQuery = plan ? `&plan=${encodeURIComponent(plan)}` : '';
  await page.goto(`${deckUrl}?print-pdf&margin=0${planQuery}`, { waitUntil: 'load' });
  await page.waitForSelector('html[data-pdf-ready]', { state: 'attached', timeout: 60_000 }).catch(() => {
    throw new Error(`reveal maakte de printweergave niet klaar${errors.length ? `: ${errors.join('; ')}` : ''}`);
  });
  await page.waitForLoadState('networkidle');
  await page.evaluate(keepThemeLayout);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pages = await page.locator('.reveal .slides .pdf-page').count();
  await page.pdf({
    path,
    width: `${SLIDE.width}px`,
    height: `${SLIDE.height}px`,
    printBackground: true,
    margin: { top: '0', right: '0', bottom: '0', left: '0' },
  });
  await context.close();
  if (refused.length > 0) throw new Error(`de deck wilde iets van elders laden: ${refused.join(', ')}`);
  return pages;
}

/** The handout from deck.json, printed as A4 with page numbers. */
async function printHandout(browser: Browser, deck: Deck, path: string, plan: Plan | null): Promise<void> {
  const context = await browser.newContext();
  const refused: string[] = [];
  await allowOnly(context, null, refused);
  const page = await context.newPage();
  await page.setContent(renderHandout(deck, plan ? { plan } : {}), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const footer =
    `<div style="width:100%;margin:0 ${HANDOUT_MARGIN.right} 0 ${HANDOUT_MARGIN.left};display:flex;` +
    `justify-content:space-between;font:7.5pt 'Noto Sans','Liberation Sans',Arial,sans-serif;color:#3d4a63">` +
    `<span>${escapeHtml(deck.title)} · handout${plan ? ` · ${escapeHtml(plan.title)}` : ''}</span>` +
    `<span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`;
  await page.pdf({
    path,
    format: 'A4',
    printBackground: true,
    margin: HANDOUT_MARGIN,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: footer,
  });
  await context.close();
  if (refused.length > 0) throw new Error(`de handout wilde iets van elders laden: ${refused.join(', ')}`);
}

/** Builds when needed, then writes dist/workshop.pdf and dist/handout.pdf. */
export async function exportPdf(options: ExportOptions = {}): Promise<ExportResult> {
  const root = options.root ?? PROJECT_ROOT;
  const distDir = resolve(root, options.distDir ?? 'dist');
  const log = options.log ?? (() => undefined);
  const executablePath = findChromium(options.chromePath);
  if (!executablePath) {
    throw new Error('Geen Chromium gevonden: installeer het (apt-get install chromium) of zet CHROME_PATH.');
  }

  if (options.build || !existsSync(join(distDir, 'index.html')) || !existsSync(join(distDir, 'deck.json'))) {
    log('de deck bouwen…');
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: distDir, emptyOutDir: true },
    });
  }
  const deck = JSON.parse(readFileSync(join(distDir, 'deck.json'), 'utf8')) as Deck;
  const plan = options.plan ? (deck.plans.find((p) => p.id === options.plan) ?? null) : null;
  if (options.plan && !plan) {
    throw new Error(`Er is geen plan "${options.plan}"; kies uit ${deck.plans.map((p) => p.id).join(', ')}.`);
  }
  const suffix = plan ? `-${plan.id}` : '';

  // A static server on 127.0.0.1 only, as any web host would serve dist/.
  const server = await preview({
    configFile: false,
    root,
    logLevel: 'silent',
    build: { outDir: distDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const browser = await launchChromium(executablePath);
  try {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('de lokale server gaf geen adres');
    const workshopPdf = join(distDir, `workshop${suffix}.pdf`);
    const handoutPdf = join(distDir, `handout${suffix}.pdf`);
    log('dia’s printen…');
    const slides = await printSlides(browser, url, workshopPdf, plan?.id ?? null);
    log(`${workshopPdf} geschreven: ${slides} dia’s`);
    await printHandout(browser, deck, handoutPdf, plan);
    log(`${handoutPdf} geschreven`);
    return { workshopPdf, handoutPdf, slides };
  } finally {
    await browser.close();
    await server.close();
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  const planAt = process.argv.indexOf('--plan');
  const plan = planAt >= 0 ? process.argv[planAt + 1] : undefined;
  exportPdf({ build: process.argv.includes('--build'), plan, log: (line) => console.log(line) }).catch(
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
