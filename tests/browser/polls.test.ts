import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import type { Deck, Poll } from '../../src/shared/deck.ts';
import { describeInBrowser, launchBrowser, screenshotDir, useStaticDeck } from '../helpers/browser.ts';
import { freePort, goToSlide, overflowOfSlide, slideCounts, slideOf, watchProblems } from '../helpers/deckPages.ts';
import { answerOnPhone, type PhoneAnswer } from '../helpers/phoneAnswers.ts';
import { DIST } from '../helpers/serveDist.ts';

// The presenter's deck with the real poll server and the built deck (run `npm run build` first; npm
// test does), and three phones in their own browser contexts that join through the link of the QR
// code. Also the same deck on a static host: a self-study deck without QR codes or network traffic.

const shots = screenshotDir('polls');

/**
 * The polls of the built deck. The tests take their polls from it (the first of each kind) rather than
 * naming them, so editing the workshop content does not break them.
 */
function builtPolls(): Poll[] {
  const deck = JSON.parse(readFileSync(join(DIST, 'deck.json'), 'utf8')) as Deck;
  return [...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing].flatMap((part) => part.polls);
}

function firstPoll(polls: Poll[], what: string, fits: (poll: Poll) => boolean): Poll {
  const poll = polls.find(fits);
  if (!poll) throw new Error(`the deck has no ${what} poll to test with`);
  return poll;
}

/** The polls the tests use: each kind once, visible, with enough options for the votes below. */
function testPolls(polls: Poll[]) {
  return {
    single: firstPoll(polls, 'single', (p) => p.type === 'single' && !p.hidden && p.options.length >= 4),
    multiple: firstPoll(
      polls,
      'multiple',
      (p) => p.type === 'multiple' && !p.hidden && p.max >= 2 && p.options.length >= 3,
    ),
    scale: firstPoll(polls, 'scale', (p) => p.type === 'scale' && !p.hidden && p.max - p.min >= 3),
    wordcloud: firstPoll(polls, 'wordcloud', (p) => p.type === 'wordcloud' && !p.hidden),
    ranking: firstPoll(polls, 'ranking', (p) => p.type === 'ranking' && !p.hidden),
    open: firstPoll(polls, 'pre-moderated open', (p) => p.type === 'open' && !p.hidden && p.moderation === 'approve'),
    hidden: firstPoll(polls, 'hidden single', (p) => p.type === 'single' && p.hidden && p.options.length >= 2),
  };
}

/** Borda points per option for full rankings: first place n-1 points, last 0. */
function borda(optionCount: number, rankings: number[][]): number[] {
  const scores = new Array<number>(optionCount).fill(0);
  for (const ranking of rankings) {
    ranking.forEach((option, place) => (scores[option] = (scores[option] ?? 0) + optionCount - 1 - place));
  }
  return scores;
}

/** axe-core on the slide on screen and whatever dialog is open: WCAG 2.1 A and AA. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .include('.reveal .slides section.present:not(.stack)')
    .include('dialog[open]')
    .include('.trainer-menu-button')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary, `axe on ${what}`).toEqual([]);
}

/** The chart's text alternative: the rows of its visually hidden table. */
function chartTable(page: Page, slide: string): Promise<string[][]> {
  return page.$$eval(`#${slide} .poll-chart table tbody tr`, (rows) =>
    rows.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')),
  );
}

const answered = (page: Page, slide: string) => page.textContent(`#${slide} .poll-answered`);

describeInBrowser('live polls: the presenter deck with the poll server and three phones', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir: string;
  const dataDirs: string[] = [];
  let polls: ReturnType<typeof testPolls>;
  let port: number;
  const start = (dir: string) =>
    startServer({
      port,
      host: '127.0.0.1',
      dataDir: dir,
      distDir: DIST,
      publicUrl: `http://127.0.0.1:${port}`,
      retentionDays: 30,
    });
  let presenter: Page;
  const phones: Page[] = [];
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  /** Milliseconds from a phone's "send" to the changed result on the slide, per poll type. */
  const latencies: Record<string, number[]> = {};

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'join.html')))
      throw new Error('no built deck with join page: run `npm run build` first');
    polls = testPolls(builtPolls());
    dataDir = mkdtempSync(join(tmpdir(), 'polls-test-'));
    dataDirs.push(dataDir);
    port = await freePort();
    server = await start(dataDir);
    browser = await launchBrowser();
    // A page of its own context: axe-core needs one.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    presenter = await context.newPage();
    watchProblems(presenter, 'presenter', problems);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    console.log('slide updated after a vote (ms, per poll type):', JSON.stringify(latencies));
  });

  test('the welcome slides show the QR code and the short address big; the link carries no key', async () => {
    await presenter.goto(`${server.url}/#/welkom`);
    await presenter.waitForSelector('#welkom .join-panel.has-room .qr-code');
    const { room, key } = JSON.parse(
      (await presenter.evaluate(() => localStorage.getItem('deck-presenter-room'))) ?? '{}',
    ) as { room: string; key: string };
    expect(room).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(key.length).toBeGreaterThanOrEqual(22);

    const port = new URL(server.url).port;
    const link = await presenter.getAttribute('#welkom .join-link', 'href');
    expect(link).toBe(`http://127.0.0.1:${port}/${room}`);
    expect(await presenter.textContent('#welkom .join-host')).toBe(`127.0.0.1:${port}/`);
    expect(await presenter.textContent('#welkom .join-code')).toBe(room);
    const html = await presenter.content();
    expect(html).not.toContain(key);
    expect(await overflowOfSlide(presenter)).toEqual({ x: 0, y: 0 });
    await expectAccessible(presenter, 'the title slide with the join panel');
    await presenter.screenshot({ path: join(shots, '01-welkom.png') });

    await goToSlide(presenter, 'werkwijze');
    await presenter.waitForSelector('#werkwijze .join-panel.has-room .qr-code');
    expect(await overflowOfSlide(presenter)).toEqual({ x: 0, y: 0 });
    await presenter.screenshot({ path: join(shots, '02-werkwijze.png') });
  });

  test('three phones join through the QR link; the slides count them', async () => {
    const link = await presenter.getAttribute('#welkom .join-link', 'href');
    expect(link).toBeTruthy();
    for (let k = 0; k < 3; k++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
      contexts.push(context);
      const phone = await context.newPage();
      watchProblems(phone, `phone ${k + 1}`, problems);
      await phone.goto(link ?? '');
      phones.push(phone);
    }
    await presenter.waitForFunction(
      () => document.querySelector('#werkwijze .join-count')?.textContent === '3 mensen verbonden',
    );
  });

  /** Three answers per poll type, and what the slide must show after them. */
  const cases: {
    type: Exclude<keyof ReturnType<typeof testPolls>, 'hidden'>;
    answers: (poll: Poll) => PhoneAnswer[];
    check: (page: Page, slide: string, poll: Poll) => Promise<void>;
  }[] = [
    {
      type: 'single',
      answers: () => [{ pick: [1] }, { pick: [3] }, { pick: [1] }],
      async check(page, slide, poll) {
        const rows = await chartTable(page, slide);
        expect(rows[1]).toEqual([poll.options[1], '2', '67%']);
        expect(rows[3]).toEqual([poll.options[3], '1', '33%']);
        expect(rows[0]).toEqual([poll.options[0], '0', '0%']);
      },
    },
    {
      type: 'multiple',
      answers: () => [{ pick: [0, 1] }, { pick: [1, 2] }, { pick: [1] }],
      async check(page, slide, poll) {
        const rows = await chartTable(page, slide);
        expect(rows.map((row) => row[1])).toEqual(poll.options.map((_, k) => String([1, 3, 1][k] ?? 0)));
        // Percentages of the people who answered: everyone picked the second option.
        expect(rows[1]?.[2]).toBe('100%');
      },
    },
    {
      type: 'scale',
      answers: (poll) =>
        poll.type === 'scale' ? [{ point: poll.min + 1 }, { point: poll.min + 3 }, { point: poll.max }] : [],
      async check(page, slide, poll) {
        if (poll.type !== 'scale') throw new Error('not a scale poll');
        const points = [poll.min + 1, poll.min + 3, poll.max];
        const counts = poll.options.map((_, k) => String(points.filter((p) => p === poll.min + k).length));
        expect((await chartTable(page, slide)).map((row) => row[1])).toEqual(counts);
        const average = (points.reduce((a, b) => a + b, 0) / points.length).toFixed(1).replace('.', ',');
        expect(await page.textContent(`#${slide} .scale-average-label`)).toBe(`gemiddeld ${average}`);
      },
    },
    {
      type: 'wordcloud',
      answers: () => [{ text: 'Samen' }, { text: 'luisteren' }, { text: 'samen ' }],
      async check(page, slide) {
        const words = await page.$$eval(`#${slide} .word-cloud li`, (items) =>
          items.map((item) => [item.querySelector('.word')?.textContent, Number(item.getAttribute('data-count'))]),
        );
        expect(words).toEqual(
          expect.arrayContaining([
            ['samen', 2],
            ['luisteren', 1],
          ]),
        );
        const sizes = await page.$$eval(`#${slide} .word-cloud li`, (items) =>
          Object.fromEntries(
            items.map((item) => [
              item.querySelector('.word')?.textContent,
              parseFloat(getComputedStyle(item).fontSize),
            ]),
          ),
        );
        expect(sizes.samen).toBeGreaterThan(sizes.luisteren ?? Infinity);
        // Participants' words take their direction from their own text (Arabic reads right to left).
        const directions = await page.$$eval(`#${slide} .word-cloud .word`, (items) =>
          items.map((item) => item.getAttribute('dir')),
        );
        expect(new Set(directions)).toEqual(new Set(['auto']));
      },
    },
    {
      type: 'ranking',
      // The options in their own order; the second moved up; the last moved up.
      answers: (poll) => [{ moves: [] }, { moves: [[1, -1]] }, { moves: [[poll.options.length - 1, -1]] }],
      async check(page, slide, poll) {
        const n = poll.options.length;
        const order = poll.options.map((_, k) => k);
        const scores = borda(n, [order, [1, 0, ...order.slice(2)], [...order.slice(0, n - 2), n - 1, n - 2]]);
        const expected = [...order]
          .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
          .map((option) => [poll.options[option], String(scores[option])]);
        const rows = await chartTable(page, slide);
        expect(rows.map((row) => [row[1], row[2]])).toEqual(expected);
        expect(rows[0]?.[0]).toBe('1');
      },
    },
    {
      type: 'open',
      answers: () => [
        { text: 'Een gesprek <b>plannen</b> met de werkgever' },
        { text: 'Samen met de klantmanager het traject opnieuw bekijken, met de wensen van de deelnemer voorop.' },
        { text: 'Niets' },
      ],
      async check(page, slide) {
        // Pre-moderated: nothing on the wall before the presenter approves.
        expect(await page.$$(`#${slide} .answer-wall li`)).toHaveLength(0);
        expect(await page.isVisible(`#${slide} .poll-chart-empty`)).toBe(true);
        // They wait in the console, not on the slide.
        const pendingText = '.console-moderation li.waiting .answer-text';
        await page.waitForFunction((selector) => document.querySelectorAll(selector).length === 3, pendingText);
        const pendingDirections = await page.$$eval(pendingText, (items) =>
          items.map((item) => item.getAttribute('dir')),
        );
        expect(pendingDirections).toEqual(['auto', 'auto', 'auto']);
        await page.screenshot({ path: join(shots, 'open-moderation.png') });
        await page.click('.console-moderation li.waiting:first-child button');
        await page.waitForSelector(`#${slide} .answer-wall li`);
        const wall = await page.$$eval(`#${slide} .answer-wall li .answer-text`, (items) =>
          items.map((item) => [item.textContent, item.children.length, item.getAttribute('dir')]),
        );
        // Shown as text, never as markup, in the direction of its own text.
        expect(wall).toEqual([['Een gesprek <b>plannen</b> met de werkgever', 0, 'auto']]);
        await page.waitForFunction(() => document.querySelectorAll('.console-moderation li.waiting').length === 2);
      },
    },
  ];

  for (const kind of cases) {
    test(`${kind.type}: the phones follow the slide, vote, and the slide shows each vote`, async () => {
      const poll = polls[kind.type];
      const slide = await slideOf(presenter, poll);
      await goToSlide(presenter, slide);
      expect(await presenter.textContent(`#${slide} .poll-question`)).toBe(poll.question);
      expect(await answered(presenter, slide)).toBe('Nog niemand heeft geantwoord');
      const answers = kind.answers(poll);
      for (const [k, phone] of phones.entries()) {
        await phone.waitForSelector(`form.poll-form.poll-${poll.type}`);
        expect(await phone.textContent('form.poll-form .question')).toBe(poll.question);
        const sent = await answerOnPhone(phone, poll.type, answers[k] ?? { pick: [] });
        (latencies[poll.type] ??= []).push(await slideCounts(presenter, slide, k + 1, { since: sent }));
      }
      await kind.check(presenter, slide, poll);
      expect(await overflowOfSlide(presenter)).toEqual({ x: 0, y: 0 });
      await expectAccessible(presenter, `the ${poll.type} poll slide with results`);
      await presenter.screenshot({ path: join(shots, `presenter-${poll.type}.png`) });
      await phones[0]?.screenshot({ path: join(shots, `phone-${poll.type}.png`) });
    });
  }

  test('hidden results stay off the screen until the presenter reveals them (U)', async () => {
    const slide = await slideOf(presenter, polls.hidden);
    await goToSlide(presenter, slide);
    for (const [k, phone] of phones.entries()) {
      await phone.waitForSelector('form.poll-form.poll-single');
      await answerOnPhone(phone, 'single', { pick: [k === 0 ? 0 : 1] });
      await slideCounts(presenter, slide, k + 1);
    }
    expect(await presenter.isVisible(`#${slide} .poll-hidden-notice`)).toBe(true);
    expect(await presenter.textContent(`#${slide} .poll-hidden-notice`)).toBe('Resultaten verborgen');
    expect(await chartTable(presenter, slide)).toEqual([]);
    expect(await presenter.isVisible(`#${slide} .bar-value`)).toBe(false);
    await expectAccessible(presenter, 'a poll slide with hidden results');
    await presenter.screenshot({ path: join(shots, 'hidden-before.png') });

    await presenter.keyboard.press('u');
    await presenter.waitForSelector(`#${slide} .poll-hidden-notice`, { state: 'hidden' });
    const counts = polls.hidden.options.map((_, k) => String([1, 2][k] ?? 0));
    expect((await chartTable(presenter, slide)).map((row) => row[1])).toEqual(counts);
    await presenter.waitForFunction(() =>
      document.querySelector('[data-poll-announcer]')?.textContent?.includes('De resultaten staan op het scherm.'),
    );
    await presenter.screenshot({ path: join(shots, 'hidden-revealed.png') });
  });

  test('A closes voting, W starts a new round after confirming; the buttons say what they will do', async () => {
    const slide = await slideOf(presenter, polls.hidden);
    const openButton = '.console-poll button[aria-keyshortcuts="A"]';
    expect(await presenter.textContent(openButton)).toMatch(/^Stemmen sluiten/);
    await presenter.keyboard.press('a');
    await presenter.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.startsWith('Stemmen openen'),
      openButton,
    );
    expect(await presenter.textContent(`#${slide} .poll-badge`)).toBe('Stemmen gesloten');

    await presenter.keyboard.press('w');
    const dialog = presenter.getByRole('dialog', { name: 'Nieuwe ronde starten?' });
    await dialog.waitFor();
    await presenter.screenshot({ path: join(shots, 'new-round-confirm.png') });
    await presenter.keyboard.press('Enter');
    await presenter.waitForFunction(
      (id) => document.querySelector(`#${id} .poll-round`)?.textContent === 'Ronde 2',
      slide,
    );
    expect(await answered(presenter, slide)).toBe('Nog niemand heeft geantwoord');
    expect(await presenter.textContent(`#${slide} .poll-badge`)).toBe('Stemmen open');
    // Still the same slide: Enter in the dialog did not move the deck on.
    expect(await presenter.getAttribute('.reveal section.present:not(.stack)', 'id')).toBe(slide);
  });

  test('the trainer menu downloads the results and shows the remote-control QR code only on request', async () => {
    await presenter.click('.trainer-menu-button');
    const menu = presenter.getByRole('dialog', { name: 'Trainersmenu' });
    await menu.waitFor();
    expect(await menu.locator('.control-qr .qr-code').count()).toBe(0);
    // The join address is this computer (127.0.0.1): the remote link needs no warning about plain http.
    expect(await menu.locator('.control-warning').count()).toBe(0);
    const [download] = await Promise.all([
      presenter.waitForEvent('download'),
      menu.getByRole('button', { name: 'Download CSV (Excel)' }).click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(polls.single.id);
    await menu.getByRole('button', { name: 'Bediening op telefoon' }).click();
    await menu.locator('.control-qr .qr-code').waitFor();
    await expectAccessible(presenter, 'the trainer menu');
    await presenter.screenshot({ path: join(shots, 'trainer-menu.png') });
    await presenter.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
  });

  test('after a server restart the deck reconnects, resumes its room and shows what the server holds', async () => {
    const slide = await slideOf(presenter, polls.single);
    await goToSlide(presenter, slide);
    const room = await presenter.textContent(`#${slide} .join-code`);
    const before = await chartTable(presenter, slide);
    expect(before[1]).toEqual([polls.single.options[1], '2', '67%']);
    // While the server is down the browser itself logs the failed connection attempts.
    const known = problems.length;
    const connection = () => presenter.getAttribute('html', 'data-poll-connection');

    await server.close();
    await presenter.waitForFunction(() => document.documentElement.dataset.pollConnection === 'offline');
    expect(await presenter.textContent(`#${slide} .join-status`)).toBe('Verbinding weg. De console verbindt opnieuw…');
    await presenter.screenshot({ path: join(shots, 'restart-offline.png') });
    server = await start(dataDir);
    await presenter.waitForFunction(() => document.documentElement.dataset.pollConnection === 'connected');
    expect(await presenter.textContent(`#${slide} .join-code`)).toBe(room);
    expect(await chartTable(presenter, slide)).toEqual(before);
    expect(await presenter.isVisible(`#${slide} .join-status`)).toBe(false);

    // Another database (the room is gone): a new room, and nothing of the old results stays on the slide.
    await server.close();
    const emptyDir = mkdtempSync(join(tmpdir(), 'polls-test-'));
    dataDirs.push(emptyDir);
    server = await start(emptyDir);
    await presenter.waitForFunction(([id, old]) => document.querySelector(`#${id} .join-code`)?.textContent !== old, [
      slide,
      room,
    ] as const);
    expect(await connection()).toBe('connected');
    expect(await answered(presenter, slide)).toBe('Nog niemand heeft geantwoord');
    expect((await chartTable(presenter, slide)).map((row) => row[1])).toEqual(polls.single.options.map(() => '0'));
    await presenter.screenshot({ path: join(shots, 'restart-new-room.png') });
    const fromRestart = problems.splice(known);
    expect(
      fromRestart.filter((problem) => !/WebSocket connection to 'ws:.*\/ws' failed|failed request: ws:/.test(problem)),
    ).toEqual([]);
  });

  test('no errors on any page', () => {
    expect(problems).toEqual([]);
  });
});

describeInBrowser('live polls on a server with PRESENTER_PASSWORD', () => {
  test('the deck asks the password in a dialog before it makes a room, and again when it is wrong', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'polls-test-'));
    const port = await freePort();
    const server = await startServer({
      port,
      host: '127.0.0.1',
      dataDir,
      distDir: DIST,
      publicUrl: `http://127.0.0.1:${port}`,
      presenterPassword: 'juist-wachtwoord',
      retentionDays: 30,
    });
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      const problems: string[] = [];
      watchProblems(page, 'presenter', problems);
      await page.goto(`${server.url}/#/werkwijze`);
      const dialog = page.getByRole('dialog', { name: 'Wachtwoord voor de trainer' });
      await dialog.waitFor();
      await expectAccessible(page, 'the password dialog');
      await dialog.getByLabel('Wachtwoord').fill('fout');
      await dialog.getByRole('button', { name: 'Sessie starten' }).click();
      await page.getByText('Dit wachtwoord klopt niet. Probeer het opnieuw.').waitFor();
      await page.screenshot({ path: join(shots, 'password-wrong.png') });
      // Typing in the dialog does not move the slides.
      expect(await page.getAttribute('.reveal section.present:not(.stack)', 'id')).toBe('werkwijze');
      await page
        .getByRole('dialog', { name: 'Wachtwoord voor de trainer' })
        .getByLabel('Wachtwoord')
        .fill('juist-wachtwoord');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#werkwijze .join-panel.has-room .qr-code');
      expect(await page.textContent('#werkwijze .join-code')).toMatch(/^[A-Z2-9]{6}$/);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describeInBrowser('self-study: the built deck on a static host', () => {
  const deck = useStaticDeck();

  test('poll slides show no QR code; the reader answers for themselves, kept in the browser, with no network traffic', async () => {
    const { single, scale, multiple, wordcloud, ranking } = testPolls(builtPolls());
    if (scale.type !== 'scale' || multiple.type !== 'multiple') throw new Error('unexpected poll types');
    const context = await deck.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems: string[] = [];
    watchProblems(page, 'self-study', problems);
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(deck.url);
    await page.waitForSelector('.reveal.ready');
    const slide = {
      single: await slideOf(page, single),
      scale: await slideOf(page, scale),
      multiple: await slideOf(page, multiple),
      wordcloud: await slideOf(page, wordcloud),
      ranking: await slideOf(page, ranking),
    };
    const saved = (id: string) => page.textContent(`#${id} .poll-saved`);
    const onScreen = () => page.getAttribute('.reveal section.present:not(.stack)', 'id');

    expect(await page.getAttribute('html', 'data-poll-mode')).toBe('self-study');
    expect(await page.$$('.join-panel, .qr-code, .trainer-menu-button')).toHaveLength(0);

    // Single choice: the answer is told back straight away.
    await goToSlide(page, slide.single);
    await page.click(`#${slide.single} label:has(input[value="1"])`);
    expect(await saved(slide.single)).toBe(`Jouw antwoord: ${single.options[1]}`);
    await expectAccessible(page, 'a self-study choice');
    await page.screenshot({ path: join(shots, 'self-study-single.png') });

    // Scale.
    await goToSlide(page, slide.scale);
    await page.click(`#${slide.scale} .point:has(input[value="${scale.min + 3}"])`);
    expect(await saved(slide.scale)).toBe(
      `Jouw antwoord: ${scale.min + 3} (van ${scale.min} = ${scale.labels[0]} tot ${scale.max} = ${scale.labels[1]})`,
    );

    // Multiple choice: one more than the maximum is not taken, and the form says why (as on the phone).
    await goToSlide(page, slide.multiple);
    const picks = Array.from({ length: multiple.max }, (_, k) => k);
    for (const k of picks) await page.check(`#${slide.multiple} input[value="${k}"]`);
    if (multiple.max < multiple.options.length) {
      await page.click(`#${slide.multiple} label:has(input[value="${multiple.max}"])`);
      expect(await page.isChecked(`#${slide.multiple} input[value="${multiple.max}"]`)).toBe(false);
      expect(await page.textContent(`#${slide.multiple} .form-error`)).toContain(
        `Je hebt er al ${multiple.max} gekozen`,
      );
    }
    expect(await saved(slide.multiple)).toBe(
      `Jouw ${picks.length === 1 ? 'antwoord' : 'antwoorden'}: ${picks.map((k) => multiple.options[k]).join(', ')}`,
    );
    expect(await overflowOfSlide(page)).toEqual({ x: 0, y: 0 });

    // Word cloud: typed and saved with Enter; the keys do not move the slides.
    await goToSlide(page, slide.wordcloud);
    await page.fill(`#${slide.wordcloud} input[name="answer"]`, 'samen werken');
    await page.press(`#${slide.wordcloud} input[name="answer"]`, 'Enter');
    expect(await saved(slide.wordcloud)).toBe('Jouw antwoord: „samen werken”');
    expect(await onScreen()).toBe(slide.wordcloud);

    // Ranking with the move buttons, by keyboard: Space presses the button, it does not turn the page.
    await goToSlide(page, slide.ranking);
    const last = ranking.options.length - 1;
    await page.focus(`#${slide.ranking} button[data-item="${last}"][data-step="-1"]`);
    await page.keyboard.press('Space');
    await page.keyboard.press('Space');
    expect(await onScreen()).toBe(slide.ranking);
    const order = [...ranking.options.keys()].filter((k) => k !== last);
    order.splice(last - 2, 0, last);
    await page.click(`#${slide.ranking} button:has-text("Bewaar")`);
    expect(await saved(slide.ranking)).toBe(
      `Jouw volgorde: ${order.map((k, place) => `${place + 1}. ${ranking.options[k]}`).join(', ')}`,
    );
    expect(await overflowOfSlide(page)).toEqual({ x: 0, y: 0 });
    await expectAccessible(page, 'a self-study ranking');
    await page.screenshot({ path: join(shots, 'self-study-ranking.png') });

    // Coming back later: the answers are still there.
    await page.reload();
    await page.waitForSelector('.reveal.ready');
    await goToSlide(page, slide.single);
    expect(await saved(slide.single)).toBe(`Jouw antwoord: ${single.options[1]}`);
    expect(await page.isChecked(`#${slide.single} input[value="1"]`)).toBe(true);
    expect(await saved(slide.wordcloud)).toBe('Jouw antwoord: „samen werken”');
    const restored = await page.locator(`#${slide.ranking} .ranking .item`).allTextContents();
    expect(restored).toEqual(order.map((k) => ranking.options[k]));

    // And wiped on request.
    await page.click(`#${slide.single} .poll-clear`);
    expect(await saved(slide.single)).toBe('');
    expect(await page.isChecked(`#${slide.single} input[value="1"]`)).toBe(false);

    const origin = new URL(deck.url).origin;
    expect(sockets).toEqual([]);
    expect(requests.filter((url) => !url.startsWith(origin) || /\/api\/|\/ws\b/.test(url))).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
