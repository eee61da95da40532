import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { caddyPath, startCaddy, type RunningCaddy } from '../helpers/caddy.ts';
import { freePort } from '../helpers/deckPages.ts';
import { describeWithPostgres, freshDatabase } from '../helpers/postgres.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST } from '../helpers/serveDist.ts';

// The hosted layout of docs/deploy.md on this machine: Caddy (deploy/Caddyfile, with `tls internal`)
// in front of the poll server on PostgreSQL. A phone-sized page joins over https and wss through
// Caddy and votes; the presenter, also through Caddy, sees the vote.

const describeHosted = caddyPath ? describeWithPostgres : describe.skip;

describeInBrowser('the deck behind Caddy over HTTPS', () => {
  describeHosted('with PostgreSQL', () => {
    let dataDir: string;
    let server: RunningServer;
    let caddy: RunningCaddy;
    let browser: Browser;

    beforeAll(async () => {
      const port = await freePort();
      const httpsPort = await freePort();
      dataDir = mkdtempSync(join(tmpdir(), 'hosted-test-'));
      server = await startServer({
        port,
        host: '127.0.0.1',
        dataDir,
        distDir: process.env.DECK_DIST ?? DIST,
        databaseUrl: await freshDatabase(),
        publicUrl: `https://localhost:${httpsPort}`,
        trustProxy: true,
        retentionDays: 30,
      });
      caddy = await startCaddy([`127.0.0.1:${port}`], httpsPort);
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await caddy?.stop();
      await server?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('a phone joins over https and wss and votes; the presenter sees it', async () => {
      const tls = { rejectUnauthorized: false };
      const presenter = await PollClient.connect(caddy.url, tls);
      const created = await presenter.requestOk({ type: 'create-room' });
      if (created.type !== 'room-created') throw new Error('no room');
      await presenter.requestOk({ type: 'present', room: created.room, key: created.key });
      await presenter.requestOk({ type: 'show', poll: 'start-rol' });

      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        locale: 'nl-NL',
        isMobile: true,
        hasTouch: true,
        ignoreHTTPSErrors: true,
      });
      const page = await context.newPage();
      const sockets: string[] = [];
      page.on('websocket', (socket) => sockets.push(socket.url()));
      const response = await page.goto(`${caddy.url}/${created.room}`);
      expect(response?.headers()['strict-transport-security']).toBe('max-age=31536000');
      await page.getByRole('heading', { name: 'Vanuit welke rol ben je hier?' }).waitFor({ timeout: 15_000 });
      await page.getByLabel('Werkgever').check();
      await page.getByRole('button', { name: 'Verstuur' }).click();
      await page.locator('.confirmation').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(screenshotDir('hosted'), 'phone-voted-390.png') });

      expect(sockets.every((url) => url.startsWith(`wss://localhost:`))).toBe(true);
      expect(sockets.length).toBeGreaterThan(0);
      await expect.poll(() => presenter.latestResults('start-rol')?.voters ?? 0, { timeout: 10_000 }).toBe(1);
      presenter.close();
      await context.close();
    });
  });
});
