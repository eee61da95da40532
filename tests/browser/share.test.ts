import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { OFFLINE_FILE } from '../../src/vite/offlinePlugin.ts';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { DIST, serveDist } from '../helpers/serveDist.ts';

// The share slide ("Deel deze training", #/delen): a QR code and a link to the deck's own address
// when the deck is on a website, and a short note instead when that address would not work for
// anyone else (from disk, or from localhost).

const dist = process.env.DECK_DIST ?? DIST;

/** A made-up public host; the browser gets dist/ for it from this test, nothing goes on the network. */
const HOST = 'https://training.voorbeeld.nl';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
};

/** The QR code's modules, as the `d` of its SVG paths. */
const modules = (svg: string): string[] => [...svg.matchAll(/<path\b[^>]*\sd="([^"]+)"/g)].map((m) => m[1] ?? '');

async function qrFor(url: string): Promise<string[]> {
  return modules(await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }));
}

describeInBrowser('the share slide', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  const dir = screenshotDir('share');

  beforeAll(async () => {
    server = await serveDist(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function showShareSlide(context: BrowserContext, url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('.reveal.ready');
    await page.waitForSelector('#delen .share[data-share-url], #delen .share.share-none');
    return page;
  }

  test('on a website: a QR code and a link to the deck, without plan or slide in the address', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const elsewhere: string[] = [];
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.protocol === 'data:') return route.continue();
      if (url.origin !== HOST) {
        elsewhere.push(url.href);
        return route.abort('blockedbyclient');
      }
      const path = url.pathname.replace(/^\/werkzame-factoren\//, '/');
      const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'Niet gevonden' });
      return route.fulfill({
        body: await readFile(file),
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      });
    });
    const page = await showShareSlide(context, `${HOST}/werkzame-factoren/index.html?plan=dagdeel#/delen`);
    const address = `${HOST}/werkzame-factoren/`;
    const share = page.locator('#delen .share');
    expect(await share.getAttribute('data-share-url')).toBe(address);
    const link = share.locator('a');
    expect(await link.getAttribute('href')).toBe(address);
    expect(await link.textContent()).toBe('training.voorbeeld.nl/werkzame-factoren');
    const qr = share.locator('svg.qr-code');
    expect(await qr.getAttribute('role')).toBe('img');
    expect(await qr.getAttribute('aria-label')).toBe('QR-code met het adres van deze training');
    expect(modules(await qr.evaluate((svg) => svg.outerHTML))).toEqual(await qrFor(address));
    // Big enough to scan from the back of the room: at least a fifth of the slide's width.
    const size = await qr.boundingBox();
    expect(size?.width ?? 0).toBeGreaterThanOrEqual(1280 / 5);
    expect(await page.evaluate(() => document.querySelector('.reveal section.present:not(.stack)')?.id)).toBe('delen');
    await page.screenshot({ path: join(dir, 'website.png') });
    expect(elsewhere).toEqual([]);
    await context.close();
  });

  test('from localhost or from disk: a note how to get an address instead of a QR code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return /^(?:data:|file:|http:\/\/127\.0\.0\.1)/.test(url) ? route.continue() : route.abort('blockedbyclient');
    });
    const local = await showShareSlide(context, `${server.url}#/delen`);
    const share = local.locator('#delen .share');
    expect(await share.getAttribute('data-share-reason')).toBe('local');
    expect(await share.locator('svg').count()).toBe(0);
    expect(await share.locator('.share-qr').isHidden()).toBe(true);
    expect(await share.textContent()).toContain('alleen op deze computer');
    expect(await share.locator('code').textContent()).toMatch(/^DECK_URL=https:\/\/\S+ npm run build$/);
    await local.screenshot({ path: join(dir, 'localhost.png') });

    const file = join(dist, OFFLINE_FILE);
    if (existsSync(file)) {
      const offline = await showShareSlide(context, `${pathToFileURL(file).href}#/delen`);
      expect(await offline.locator('#delen .share').getAttribute('data-share-reason')).toBe('file');
      expect(await offline.locator('#delen .share').textContent()).toContain('als bestand geopend');
      await offline.screenshot({ path: join(dir, 'offline-file.png') });
    }
    await context.close();
  });
});
