import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { escapeHtml } from '../../src/vite/render/html.ts';
import { OFFLINE_FILE } from '../../src/vite/offlinePlugin.ts';
import type { Deck } from '../../src/shared/deck.ts';
import { countSlides } from '../helpers/deckPages.ts';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { DIST } from '../helpers/serveDist.ts';

const dist = process.env.DECK_DIST ?? DIST;

describeInBrowser('the offline file, opened from disk with no network', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(join(dist, OFFLINE_FILE))) {
      throw new Error(`${dist} has no ${OFFLINE_FILE}: run \`npm run build\` first (npm test does)`);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('is one file that shows every slide without fetching anything', async () => {
    const html = readFileSync(join(dist, OFFLINE_FILE), 'utf8');
    expect(html).toMatch(/<meta name="poll-server" content="" \/>/);
    // Nothing in it points to another file: no script or style sheet by address, no assets/ folder.
    expect(html).not.toMatch(/<script\b[^>]*\ssrc=|<link\b[^>]*rel="(?:stylesheet|modulepreload)"/);
    expect(html).not.toMatch(/["'`(]\.?\/?assets\//);

    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const problems: string[] = [];
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    await context.setOffline(true);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    const address = pathToFileURL(join(dist, OFFLINE_FILE)).href;
    await page.goto(address);
    await page.waitForSelector('.reveal.ready', { timeout: 15_000 });

    const expected = countSlides(readFileSync(join(dist, 'index.html'), 'utf8'));
    const slides = await page.locator('.reveal .slides section:not(.stack)').count();
    expect(expected).toBeGreaterThan(1);
    expect(slides).toBe(expected);
    expect(await page.evaluate(() => document.querySelector('meta[name="poll-server"]')?.getAttribute('content'))).toBe(
      '',
    );

    // A deep link works from disk too, and the slide is laid out with the deck's own style sheet.
    await page.goto(`${address}#/maatwerk`);
    await page.waitForFunction(() => document.querySelector('.reveal section.present:not(.stack)')?.id === 'maatwerk');
    const font = await page.$eval('.reveal', (element) => getComputedStyle(element).fontFamily);
    expect(font).toContain('system-ui');
    const dir = screenshotDir('offline');
    await page.screenshot({ path: join(dir, 'maatwerk.png') });
    await page.goto(`${address}#/maatwerk-poll-maatwerk-nu`);
    await page.waitForFunction(() => document.querySelector('.reveal section.present:not(.stack)')?.id !== 'maatwerk');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(dir, 'poll.png') });

    expect(blocked, 'requests that left the file').toEqual([]);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a rehearsal from disk: the console (?console) and its audience view keep in step without server', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    await context.setOffline(true);
    const address = pathToFileURL(join(dist, OFFLINE_FILE)).href;
    const console_ = await context.newPage();
    await console_.goto(`${address}?console#/maatwerk`);
    await console_.waitForSelector('.console-stage .reveal.ready', { timeout: 15_000 });
    expect(await console_.textContent('.console-poll')).toContain('Zonder pollserver');
    const [audience] = await Promise.all([context.waitForEvent('page'), console_.keyboard.press('s')]);
    await audience.waitForSelector('.reveal.ready', { timeout: 15_000 });
    const onAudience = () =>
      audience.evaluate(() => document.querySelector('.reveal section.present:not(.stack)')?.id ?? '');
    await expect.poll(onAudience).toBe('maatwerk');
    await console_.keyboard.press('ArrowRight');
    const next = await console_.evaluate(() => document.querySelector('.reveal section.present:not(.stack)')?.id);
    await expect.poll(onAudience).toBe(next);
    await console_.keyboard.press('b');
    await audience.waitForSelector('.black-screen:not([hidden])');
    await context.close();
  });
});

describe('a shared link or file', () => {
  test('previews with the deck title, its description and Open Graph tags', () => {
    const deck = JSON.parse(readFileSync(join(dist, 'deck.json'), 'utf8')) as Deck;
    for (const file of ['index.html', OFFLINE_FILE]) {
      const head = readFileSync(join(dist, file), 'utf8').split('</head>')[0] ?? '';
      expect(head, file).toContain(`<title>${escapeHtml(deck.title)}</title>`);
      expect(head, file).toContain(`<meta name="description" content="${escapeHtml(deck.subtitle)}" />`);
      expect(head, file).toContain(`<meta property="og:title" content="${escapeHtml(deck.title)}" />`);
      expect(head, file).toContain(`<meta property="og:description" content="${escapeHtml(deck.subtitle)}" />`);
      expect(head, file).toContain('<meta property="og:type" content="website" />');
      expect(head, file).toContain('<meta property="og:locale" content="nl_NL" />');
    }
  });
});
