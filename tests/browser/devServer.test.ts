import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createDeckPlugin } from '../../src/vite/deckPlugin.ts';
import { describeInBrowser, launchBrowser } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

describeInBrowser('npm run dev', () => {
  let browser: Browser;
  let server: ViteDevServer;
  let slidesDir: string;

  beforeAll(async () => {
    slidesDir = mkdtempSync(join(tmpdir(), 'dev-slides-'));
    cpSync(join(PROJECT_ROOT, 'tests/fixtures/good/slides'), slidesDir, { recursive: true });
    server = await createServer({
      configFile: false,
      root: PROJECT_ROOT,
      logLevel: 'silent',
      plugins: [createDeckPlugin({ slidesDir, plansDir: join(slidesDir, 'no-plans') })],
      server: { host: '127.0.0.1', port: 0, strictPort: false, watch: { usePolling: true, interval: 100 } },
    });
    await server.listen();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('updates the open deck when a slide file is saved, and shows a mistake with its file and line', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.resolvedUrls?.local[0] ?? '');
    await page.waitForSelector('.reveal.ready');
    await expect.poll(() => page.textContent('section#start h1')).toBe('Proefdeck');

    const title = join(slidesDir, 'opening/01-titel.md');
    writeFileSync(title, readFileSync(title, 'utf8').replace('title: Proefdeck', 'title: Nieuwe titel'));
    await expect
      .poll(() => page.textContent('section#start h1').catch(() => null), { timeout: 15_000 })
      .toBe('Nieuwe titel');

    writeFileSync(title, readFileSync(title, 'utf8').replace('type: title', 'type: titel'));
    await expect
      .poll(() => page.textContent('.build-error pre').catch(() => null), { timeout: 15_000 })
      .toMatch(/opening\/01-titel\.md:2: een slide van type "titel" bestaat niet/);
    await page.close();
  });
});
