import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { deckPolls, type Deck } from '../../src/shared/deck.ts';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST } from '../helpers/serveDist.ts';

// What a phone downloads before it shows its first poll, as transferred (headers and compressed bodies of
// every response, and the WebSocket's handshake and frames), counted by Chromium itself over CDP.

const BUDGET_BYTES = 20 * 1024;
const DIST_DIR = process.env.DECK_DIST ?? DIST;

/** A WebSocket frame's bytes on the wire: the payload and a server frame's unmasked header. */
const frameBytes = (payload: number): number => payload + (payload < 126 ? 2 : payload < 65_536 ? 4 : 10);

const headerBytes = (headers: Record<string, string>): number =>
  Object.entries(headers).reduce((sum, [name, value]) => sum + name.length + value.length + 4, 0);

describeInBrowser('the phone’s first poll, as downloaded', () => {
  const server = useLivePollServer();
  let browser: Browser;
  let presenter: PollClient;
  let room: string;
  const deck = JSON.parse(readFileSync(join(DIST_DIR, 'deck.json'), 'utf8')) as Deck;
  const poll = deckPolls(deck).find((candidate) => candidate.type === 'single' && !candidate.hidden);

  beforeAll(async () => {
    ({ presenter, room } = await PollClient.presenter(server.url));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    presenter?.close();
    await browser?.close();
  });

  test('is at most 20 KB from the join link to the poll, with no trainer note in it', async () => {
    if (!poll) throw new Error('the deck has no single-choice poll on a slide');
    await presenter.requestOk({ type: 'show', poll: poll.id });
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'nl-NL',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    // A fresh phone: nothing from a cache.
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    const responses = new Map<string, { url: string; bytes: number }>();
    const urls = new Map<string, string>();
    let socketBytes = 0;
    let frames = 0;
    const received: string[] = [];
    cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
    cdp.on('Network.loadingFinished', (event) => {
      responses.set(event.requestId, { url: urls.get(event.requestId) ?? '?', bytes: event.encodedDataLength });
    });
    cdp.on('Network.webSocketHandshakeResponseReceived', (event) => {
      socketBytes += event.response.headersText?.length ?? headerBytes(event.response.headers) + 20;
    });
    cdp.on('Network.webSocketFrameReceived', (event) => {
      frames += 1;
      received.push(event.response.payloadData);
      socketBytes += frameBytes(Buffer.byteLength(event.response.payloadData));
    });
    page.on('response', (response) => {
      void response.text().then(
        (text) => received.push(text),
        () => undefined,
      );
    });

    await page.goto(`${server.url}/${room}`);
    await expect.poll(() => page.locator('#content h1').first().textContent(), { timeout: 15_000 }).toBe(poll.question);
    await page.locator('#content input[type="radio"]').first().waitFor();
    // Every response that started has finished (loadingFinished comes after the body).
    await expect.poll(() => [...urls.keys()].every((id) => responses.has(id))).toBe(true);
    await page.screenshot({ path: join(screenshotDir('joinDownload'), 'first-poll-390.png') });

    const rows = [...responses.values()];
    const http = rows.reduce((sum, row) => sum + row.bytes, 0);
    const total = http + socketBytes;
    const listing = rows.map((row) => `${new URL(row.url).pathname} ${row.bytes}`).join(', ');
    console.info(
      `phone's first poll: ${total} bytes (${rows.length} responses ${http}: ${listing}; WebSocket ${socketBytes} in ${frames} frames)`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);

    // Not one trainer note, not even a line of one, in anything the phone got.
    const noteLines = [...deck.blocks, ...deck.cases]
      .flatMap((part) => part.notes.split('\n'))
      .map((line) => line.trim())
      .filter((line) => line.length >= 30);
    expect(noteLines.length).toBeGreaterThan(10);
    expect(rows.map((row) => new URL(row.url).pathname)).not.toContain('/deck.json');
    const everything = received.join('\n');
    expect(noteLines.filter((line) => everything.includes(line))).toEqual([]);
    await context.close();
  });
});
