import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { indexPolls } from '../../src/client/pollsFile.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { deckPolls, type Deck, type Poll } from '../../src/shared/deck.ts';
import type { ServerMessage } from '../../src/shared/protocol.ts';
import { axeViolations } from '../helpers/axe.ts';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST, serveDist } from '../helpers/serveDist.ts';

// The accessibility sweep of the phone's join page: axe-core (WCAG 2.1 A and AA) on every state it can
// be in, at 390x844: the code form (empty and with a mistake), joining, the deck's polls failing to load,
// waiting, the form of every poll type in the deck (empty, with a mistake, while sending), voted, voted
// with the revealed results, closed (with and without an answer), the group exercise's countdown, a lost
// connection, English and Arabic, and the page on a static host. A plain WebSocket client is the
// presenter; the phone is a browser page. Run `npm run build` first; npm test does.

const DIST_DIR = process.env.DECK_DIST ?? DIST;
const PHONE = { width: 390, height: 844 };

/**
 * Deliberate exceptions: axe rule id and the reason it does not apply. Keep this list short; every entry
 * is a promise that a person checked the rule by hand.
 */
const EXCEPTIONS: Record<string, string> = {};

/** The poll types in the order the page is walked through; types the deck does not use are left out. */
const TYPE_ORDER = ['single', 'multiple', 'scale', 'wordcloud', 'open', 'ranking', 'group'];

/** Fills in a poll form the plain way (the keyboard-only run is keyboardJoin.test.ts). False: unknown type. */
async function fillIn(page: Page, poll: Poll): Promise<boolean> {
  const form = page.locator('form.poll-form');
  switch (poll.type) {
    case 'single':
    case 'multiple':
    case 'scale':
      await form.locator('input').first().check();
      return true;
    case 'wordcloud':
      await form.locator('input[type="text"]').fill('Vertrouwen');
      return true;
    case 'open':
      await form.locator('textarea').fill('Een vaste contactpersoon bij de gemeente');
      return true;
    case 'ranking':
      // The options in their own order are an answer too.
      return true;
    case 'group':
      await form.locator('input[name="group"]').fill('Groep Utrecht');
      await form.locator('textarea').fill('Eerst de taal, dan het werk, of allebei tegelijk.');
      return true;
    default:
      return false;
  }
}

/**
 * Passes the poll server's messages on to the page, with two switches: `dropAcks` holds back the
 * acknowledgements of votes (the form stays "sending"), `offline` closes the page's connection and
 * refuses new ones (the page shows it lost the connection).
 */
interface SocketSwitch {
  dropAcks: boolean;
  offline: boolean;
  sockets: WebSocketRoute[];
}

async function switchableSocket(page: Page): Promise<SocketSwitch> {
  const control: SocketSwitch = { dropAcks: false, offline: false, sockets: [] };
  await page.routeWebSocket(/\/ws$/, (socket) => {
    if (control.offline) {
      void socket.close();
      return;
    }
    control.sockets.push(socket);
    const server = socket.connectToServer();
    socket.onMessage((message) => server.send(message));
    server.onMessage((message) => {
      if (control.dropAcks && (JSON.parse(String(message)) as ServerMessage).type === 'ack') return;
      socket.send(message);
    });
  });
  return control;
}

describeInBrowser('accessibility of every state of the join page (axe-core, WCAG 2.1 A and AA)', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir: string;
  let presenter: PollClient;
  let room: string;
  let deck: Deck;
  let polls: Poll[];
  const contexts: BrowserContext[] = [];
  const shots = screenshotDir('a11y-join');
  /** axe's findings by state; all states are checked before the test fails. */
  const found: Record<string, string[]> = {};
  const checked: string[] = [];

  const check = async (page: Page, state: string, screenshot?: string): Promise<void> => {
    checked.push(state);
    const violations = await axeViolations(page, { exceptions: EXCEPTIONS });
    if (violations.length > 0) found[state] = violations;
    if (screenshot) await page.screenshot({ path: join(shots, `${screenshot}.png`), fullPage: true });
  };

  const openPhone = async (
    path: string,
    options: { locale?: string; before?: (page: Page) => Promise<unknown> } = {},
  ) => {
    const context = await browser.newContext({
      viewport: PHONE,
      locale: options.locale ?? 'nl-NL',
      reducedMotion: 'reduce',
      hasTouch: true,
      isMobile: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await options.before?.(page);
    await page.goto(`${server.url}${path}`);
    return { page, problems };
  };

  const heading = (page: Page) => page.locator('#content h1').first();
  const showPoll = async (page: Page, poll: Poll | null): Promise<void> => {
    await presenter.requestOk({ type: 'show', poll: poll?.id ?? null });
    await expect
      .poll(() => heading(page).textContent(), { timeout: 10_000 })
      .toBe(poll ? poll.question : 'Kijk naar het scherm');
  };
  const send = (page: Page) => page.locator('form.poll-form button[type="submit"]').click();
  const confirmed = (page: Page) => page.locator('.confirmation').waitFor({ timeout: 10_000 });

  beforeAll(async () => {
    if (!existsSync(join(DIST_DIR, 'join.html'))) {
      throw new Error(`${DIST_DIR} has no join.html: run \`npm run build\` first (npm test does)`);
    }
    deck = JSON.parse(readFileSync(join(DIST_DIR, 'deck.json'), 'utf8')) as Deck;
    // One poll of each type, preferably one whose results show at once (group answers are all hidden).
    const all = [...indexPolls(deckPolls(deck)).values()].sort((a, b) => Number(a.hidden) - Number(b.hidden));
    const types = [...new Set(all.map((poll) => poll.type as string))].sort(
      (a, b) => (TYPE_ORDER.indexOf(a) + 1 || 99) - (TYPE_ORDER.indexOf(b) + 1 || 99),
    );
    polls = types.map((type) => all.find((poll) => poll.type === type) as Poll);
    dataDir = mkdtempSync(join(tmpdir(), 'a11y-join-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir: DIST_DIR, retentionDays: 30 });
    ({ presenter, room } = await PollClient.presenter(server.url));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    presenter?.close();
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the code form, joining, and the polls failing to load', async () => {
    const { page, problems } = await openPhone('/join.html');
    await page.getByLabel('Code van het scherm').waitFor();
    await check(page, 'code form', '01-code-form');
    await page.getByLabel('Code van het scherm').fill('abc');
    await page.keyboard.press('Enter');
    await page.locator('.form-error').waitFor();
    await check(page, 'code form with a mistake', '02-code-form-mistake');

    // Joining: the connection opens, but the server's answer has not come yet.
    const joining = await openPhone(`/${room}`, {
      before: (phone) => phone.routeWebSocket(/\/ws$/, () => undefined),
    });
    await expect.poll(() => heading(joining.page).textContent()).toBe('Verbinden…');
    await check(joining.page, 'joining');

    // In the room, but the deck's questions (polls.json) do not load.
    const failing = await openPhone(`/${room}`, {
      before: (phone) => phone.route('**/polls.json', (route) => route.fulfill({ status: 503, body: '' })),
    });
    await expect
      .poll(() => heading(failing.page).textContent(), { timeout: 10_000 })
      .toBe('We kunnen de vragen niet laden. We proberen het opnieuw…');
    await check(failing.page, 'the questions do not load');
    expect([...problems, ...joining.problems, ...failing.problems]).toEqual([]);
  });

  test('waiting, then every poll type: empty, a mistake, sending, voted, with results, closed', async () => {
    await presenter.requestOk({ type: 'show', poll: null });
    const { page, problems } = await openPhone(`/${room}`);
    const socket = await switchableSocket(page);
    await page.reload();
    await expect.poll(() => heading(page).textContent(), { timeout: 10_000 }).toBe('Kijk naar het scherm');
    await check(page, 'waiting', '03-waiting');

    for (const [k, poll] of polls.entries()) {
      await showPoll(page, poll);
      await check(page, `${poll.type}: the form`, `10-${poll.type}-form`);
      if (k === 0) {
        await send(page);
        await page.locator('form.poll-form .form-error:not(:empty)').waitFor();
        await check(page, `${poll.type}: sent without an answer`, `11-${poll.type}-mistake`);
      }
      if (!(await fillIn(page, poll))) continue;
      if (k === 0) {
        socket.dropAcks = true;
        await send(page);
        await page.locator('form.poll-form button[type="submit"][aria-disabled="true"]').waitFor();
        await check(page, `${poll.type}: sending`);
        socket.dropAcks = false;
        // The server has the vote; a new snapshot (after a reload) brings its acknowledgement.
        await page.reload();
      } else {
        await send(page);
      }
      await confirmed(page);
      await check(page, `${poll.type}: voted`, `12-${poll.type}-voted`);

      // The presenter shows the results; open and group answers only once approved.
      await presenter.requestOk({ type: 'reveal', poll: poll.id, revealed: true });
      await expect.poll(() => presenter.latestResults(poll.id)?.voters ?? 0).toBeGreaterThan(0);
      const results = presenter.latestResults(poll.id)?.results;
      if (results?.kind === 'answers') {
        for (const answer of results.answers) {
          await presenter.requestOk({ type: 'approve', poll: poll.id, answer: answer.id, approved: true });
        }
      }
      await page.locator('#results .results').waitFor({ timeout: 10_000 });
      if (results?.kind === 'answers') await page.locator('#results .answers li').first().waitFor();
      await check(page, `${poll.type}: voted, with the results`, `13-${poll.type}-results`);
    }

    // Closed, with the person's answer and the results; then a new round, closed before any answer.
    const last = polls[polls.length - 1] as Poll;
    await presenter.requestOk({ type: 'close', poll: last.id });
    await page.locator('.closed').waitFor({ timeout: 10_000 });
    await check(page, 'closed, with an answer and results', '20-closed');
    await presenter.requestOk({ type: 'reset', poll: last.id });
    await presenter.requestOk({ type: 'close', poll: last.id });
    await expect.poll(() => page.locator('.closed .last-answer').count(), { timeout: 10_000 }).toBe(0);
    await page.locator('.closed').waitFor();
    await check(page, 'closed, without an answer', '21-closed-empty');
    await presenter.requestOk({ type: 'open', poll: last.id });

    // The group exercise's countdown above the poll: running, then time is up.
    const exercise = deck.cases[0]?.slug;
    if (exercise) {
      const first = polls[0] as Poll;
      await showPoll(page, first);
      await presenter.requestOk({
        type: 'timer',
        timer: { exercise, seconds: 600, remainingMs: 599_000, running: true },
      });
      await page.locator('#countdown:not([hidden])').waitFor({ timeout: 10_000 });
      await check(page, 'a poll with the countdown running', '30-countdown');
      await presenter.requestOk({ type: 'timer', timer: { exercise, seconds: 600, remainingMs: 0, running: false } });
      await expect.poll(() => page.locator('#countdown').textContent()).toContain('De tijd is om.');
      await check(page, 'the countdown at zero');
      await presenter.requestOk({ type: 'timer', timer: null });
      await page.locator('#countdown').waitFor({ state: 'hidden' });
    }

    // The connection drops and does not come back yet.
    socket.offline = true;
    for (const route of socket.sockets) await route.close();
    await expect
      .poll(() => page.locator('#connection').textContent(), { timeout: 10_000 })
      .toBe('De verbinding is weg. We proberen het opnieuw…');
    await check(page, 'the connection is lost', '40-reconnecting');
    expect(problems).toEqual([]);
  });

  test('English and Arabic', async () => {
    const poll = polls.find((candidate) => candidate.type === 'scale') ?? (polls[0] as Poll);
    await presenter.requestOk({ type: 'reset', poll: poll.id });
    await presenter.requestOk({ type: 'show', poll: poll.id });
    for (const [locale, name] of [
      ['en-GB', 'English'],
      ['ar-SY', 'Arabic'],
    ] as const) {
      const { page, problems } = await openPhone(`/${room}`, { locale });
      await expect.poll(() => heading(page).textContent(), { timeout: 10_000 }).toBe(poll.question);
      await check(page, `${name}: the form`, `50-${name}-form`);
      await fillIn(page, poll);
      await send(page);
      await confirmed(page);
      await check(page, `${name}: voted`);
      expect(problems).toEqual([]);
    }
  });

  test('the join page on a static host, without the poll server', async () => {
    const site = await serveDist(DIST_DIR);
    try {
      const context = await browser.newContext({ viewport: PHONE, locale: 'nl-NL', reducedMotion: 'reduce' });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(new URL('join.html', site.url).href);
      await expect.poll(() => heading(page).textContent()).toBe('Live vragen zijn er nu niet');
      await check(page, 'no poll server');
    } finally {
      await site.close();
    }
  });

  test('no violations in any state', () => {
    console.log(`axe on ${checked.length} states of the join page`);
    expect(checked.length).toBeGreaterThan(20);
    expect(found).toEqual({});
  });
});
