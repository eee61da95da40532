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
// in front of two instances of the poll server on one PostgreSQL database. Phone-sized pages join over
// https and wss through Caddy, which spreads the sockets over both instances, and vote; the presenter,
// also through Caddy, sees every vote.

const describeHosted = caddyPath ? describeWithPostgres : describe.skip;

describeInBrowser('the deck behind Caddy over HTTPS', () => {
  describeHosted('with PostgreSQL', () => {
    let dataDir: string;
    const servers: RunningServer[] = [];
    let caddy: RunningCaddy;
    let browser: Browser;

    beforeAll(async () => {
      const httpsPort = await freePort();
      const databaseUrl = await freshDatabase();
      dataDir = mkdtempSync(join(tmpdir(), 'hosted-test-'));
      for (let k = 0; k < 2; k++) {
        servers.push(
          await startServer({
            port: await freePort(),
            host: '127.0.0.1',
            dataDir,
            distDir: process.env.DECK_DIST ?? DIST,
            databaseUrl,
            publicUrl: `https://localhost:${httpsPort}`,
            trustProxy: true,
            retentionDays: 30,
          }),
        );
      }
      caddy = await startCaddy(
        servers.map((server) => `127.0.0.1:${server.port}`),
        httpsPort,
      );
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await caddy?.stop();
      await Promise.all(servers.map((server) => server.close()));
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    test('phones join over https and wss and vote, spread over both instances; the presenter sees every vote', async () => {
      const tls = { rejectUnauthorized: false };
      const presenter = await PollClient.connect(caddy.url, tls);
      const created = await presenter.requestOk({ type: 'create-room' });
      if (created.type !== 'room-created') throw new Error('no room');
      await presenter.requestOk({ type: 'present', room: created.room, key: created.key });
      await presenter.requestOk({ type: 'show', poll: 'start-rol' });

      const sockets: string[] = [];
      const phones = 4;
      for (let k = 0; k < phones; k++) {
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          locale: 'nl-NL',
          isMobile: true,
          hasTouch: true,
          ignoreHTTPSErrors: true,
        });
        const page = await context.newPage();
        page.on('websocket', (socket) => sockets.push(socket.url()));
        const response = await page.goto(`${caddy.url}/${created.room}`);
        expect(response?.headers()['strict-transport-security']).toBe('max-age=31536000');
        await page.getByRole('heading', { name: 'Vanuit welke rol ben je hier?' }).waitFor({ timeout: 15_000 });
        await page.getByLabel(k % 2 === 0 ? 'Werkgever' : 'Gemeente').check();
        await page.getByRole('button', { name: 'Verstuur' }).click();
        await page.locator('.confirmation').waitFor({ timeout: 10_000 });
        if (k === phones - 1) await page.screenshot({ path: join(screenshotDir('hosted'), 'phone-voted-390.png') });
        await context.close();
      }

      expect(sockets).toHaveLength(phones);
      expect(sockets.every((url) => url.startsWith(`wss://localhost:`))).toBe(true);
      await expect.poll(() => presenter.latestResults('start-rol')?.voters ?? 0, { timeout: 10_000 }).toBe(phones);
      presenter.close();
    });
  });
});
