import { AxeBuilder } from '@axe-core/playwright';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexPolls } from '../../src/client/pollsFile.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import { deckPolls, type Deck, type Poll, type PollType } from '../../src/shared/deck.ts';
import type { PollResults } from '../../src/shared/protocol.ts';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST, serveDist } from '../helpers/serveDist.ts';

// The join page and the remote control against the real poll server, in phone-sized browser contexts.
// A presenter WebSocket client stands in for the deck: it creates the room and moves between polls.

const DIST_DIR = process.env.DECK_DIST ?? DIST;
const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 320, height: 640 };
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A page of a phone, with everything that went wrong on it collected. */
interface Phone {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

async function checkAccessibility(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
  expect(summary, `axe on ${what}`).toEqual([]);
}

describeInBrowser('the join page and the remote control, on phones, with the real poll server', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir: string;
  let presenter: PollClient;
  let room: string;
  let key: string;
  /** The room's remote-control token, for the remote control (the console on a phone). */
  let remoteToken: string;
  let polls: Map<string, Poll>;
  const phones: Phone[] = [];
  const shots = screenshotDir('join');

  const shoot = async (page: Page, name: string): Promise<void> => {
    const width = page.viewportSize()?.width ?? 0;
    await page.screenshot({
      path: join(shots, `${name}-${width}.png`),
      fullPage: true,
    });
  };

  const pollOfType = (type: PollType): Poll => {
    const poll = [...polls.values()].find((candidate) => candidate.type === type);
    if (!poll) throw new Error(`the deck has no ${type} poll`);
    return poll;
  };

  const openPhone = async (
    path: string,
    options: { viewport?: { width: number; height: number }; locale?: string } = {},
  ): Promise<Phone> => {
    const context = await browser.newContext({
      viewport: options.viewport ?? PHONE,
      locale: options.locale ?? 'nl-NL',
      reducedMotion: 'reduce',
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') problems.push(`request elsewhere: ${url.href}`);
    });
    await page.goto(`${server.url}${path}`);
    const phone = { context, page, problems };
    phones.push(phone);
    return phone;
  };

  const show = async (poll: string | null): Promise<void> => {
    await presenter.requestOk({ type: 'show', poll });
  };

  const questionShown = (page: Page, poll: Poll) =>
    expect.poll(() => page.locator('#content h1').first().textContent(), { timeout: 10_000 }).toBe(poll.question);

  /** The remote control (the console on a phone) shows the poll the room has on screen. */
  const remoteShows = (page: Page, poll: Poll) =>
    expect.poll(() => page.locator('.console-question').textContent(), { timeout: 10_000 }).toBe(poll.question);

  /** Sends the form, then waits for the server's acknowledgement as the page shows it. */
  const sendAndConfirm = async (page: Page, expectedAnswer: string[]): Promise<void> => {
    await page.getByRole('button', { name: 'Verstuur' }).click();
    const confirmation = page.locator('.confirmation');
    await confirmation.waitFor({ timeout: 10_000 });
    expect(await confirmation.locator('h2').textContent()).toContain('Je antwoord is ontvangen');
    expect(await confirmation.locator('.my-answer li').allTextContents()).toEqual(expectedAnswer);
    // Focus moves to the confirmation, so a screen reader reads it at once.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('confirmation'))).toBe(true);
  };

  /** Waits until the presenter's latest results of `poll` pass `test`; a failure shows those results. */
  const resultsOf = (poll: Poll, test: (results: PollResults) => boolean) =>
    expect
      .poll(() => presenter.latestResults(poll.id), { timeout: 10_000, message: `results of ${poll.id}` })
      .toSatisfy((results: PollResults | null) => results !== null && test(results));

  beforeAll(async () => {
    if (!existsSync(join(DIST_DIR, 'join.html'))) {
      throw new Error(`${DIST_DIR} has no join.html: run \`npm run build\` first (npm test does)`);
    }
    polls = indexPolls(deckPolls(JSON.parse(readFileSync(join(DIST_DIR, 'deck.json'), 'utf8')) as Deck));
    dataDir = mkdtempSync(join(tmpdir(), 'join-test-data-'));
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir: DIST_DIR, retentionDays: 30 });
    presenter = await PollClient.connect(server.url);
    const created = await presenter.requestOk({ type: 'create-room' });
    if (created.type !== 'room-created') throw new Error('no room');
    ({ room, key } = created);
    await presenter.requestOk({ type: 'present', room, key });
    const link = await presenter.requestOk({ type: 'new-remote-link' });
    if (link.type !== 'remote-link') throw new Error('no remote link');
    remoteToken = link.token;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    presenter?.close();
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('the code form: capitals as you type, a clear word for a wrong or unknown code, then you are in', async () => {
    const { page, problems } = await openPhone('/join.html', { viewport: SMALL_PHONE });
    const input = page.getByLabel('Code van het scherm');
    await input.waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await checkAccessibility(page, 'the code form');
    await shoot(page, 'code-form');

    await input.fill('abc');
    expect(await input.inputValue()).toBe('ABC');
    await page.getByRole('button', { name: 'Meedoen' }).click();
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('Deze code klopt niet');
    await checkAccessibility(page, 'the code form with a mistake');
    await shoot(page, 'code-form-wrong');

    const unknown = room === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA';
    await page.getByLabel('Code van het scherm').fill(unknown);
    await page.getByRole('button', { name: 'Meedoen' }).click();
    await expect
      .poll(
        () =>
          page
            .locator('.form-error')
            .textContent()
            .catch(() => ''),
        { timeout: 10_000 },
      )
      .toContain('We vinden deze code niet');

    // Typed as people do: small letters, a space in the middle.
    const typed = `${room.slice(0, 3)} ${room.slice(3)}`.toLowerCase();
    await page.getByLabel('Code van het scherm').fill(typed);
    expect(await page.getByLabel('Code van het scherm').inputValue()).toBe(typed.toUpperCase());
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#content h1').textContent(), { timeout: 10_000 })
      .toBe('Kijk naar het scherm');
    expect(new URL(page.url()).pathname).toBe(`/${room}`);
    expect(await page.locator('#room-code').textContent()).toBe(`Code ${room}`);
    expect(problems).toEqual([]);
  });

  test('join via /<CODE>: waiting calmly, then every poll type follows the presenter and takes a vote', async () => {
    await show(null);
    const { page, problems } = await openPhone(`/${room}`);
    await expect
      .poll(() => page.locator('#content h1').textContent(), { timeout: 10_000 })
      .toBe('Kijk naar het scherm');
    expect(await page.locator('#content').textContent()).toContain('De volgende vraag komt zo');
    await checkAccessibility(page, 'waiting');
    await shoot(page, 'waiting');

    // Single choice: vote, see it confirmed, change it; the server counts one vote, the new one.
    const single = pollOfType('single');
    await show(single.id);
    await questionShown(page, single);
    await expect.poll(() => page.locator('#announcer').textContent()).toBe(`Nieuwe vraag: ${single.question}`);
    await checkAccessibility(page, 'a single-choice poll');
    await shoot(page, 'single');
    await page.getByRole('button', { name: 'Verstuur' }).click();
    expect(await page.locator('.form-error').textContent()).toBe('Kies eerst een antwoord.');
    await page.getByLabel(single.options[0] ?? '').check();
    await sendAndConfirm(page, [single.options[0] ?? '']);
    await checkAccessibility(page, 'voted');
    await shoot(page, 'single-voted');
    await resultsOf(single, (r) => r.voters === 1 && r.results.kind === 'counts' && r.results.counts[0] === 1);

    await page.getByRole('button', { name: 'Antwoord veranderen' }).click();
    expect(await page.getByLabel(single.options[0] ?? '').isChecked()).toBe(true);
    await page.getByLabel(single.options[1] ?? '').check();
    await sendAndConfirm(page, [single.options[1] ?? '']);
    await resultsOf(
      single,
      (r) => r.voters === 1 && r.results.kind === 'counts' && r.results.counts[0] === 0 && r.results.counts[1] === 1,
    );

    // Multiple choice: the maximum is shown and enforced.
    const multiple = pollOfType('multiple');
    if (multiple.type !== 'multiple') throw new Error('not multiple');
    await show(multiple.id);
    await questionShown(page, multiple);
    // The confirmation that had focus is gone: focus goes to the new question, not to the page's top.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await page.locator('.hint').first().textContent()).toBe(`Kies er hoogstens ${multiple.max}.`);
    const picks = multiple.options.slice(0, multiple.max + 1);
    for (const option of picks) await page.getByLabel(option).click();
    expect(await page.locator('.form-error').textContent()).toContain(`Je hebt er al ${multiple.max} gekozen`);
    expect(await page.getByLabel(picks[multiple.max] ?? '').isChecked()).toBe(false);
    await checkAccessibility(page, 'a multiple-choice poll at its maximum');
    await shoot(page, 'multiple-max');
    await sendAndConfirm(page, picks.slice(0, multiple.max));
    await resultsOf(multiple, (r) => r.voters === 1);

    // Scale: numbered buttons with the end labels.
    const scale = pollOfType('scale');
    if (scale.type !== 'scale') throw new Error('not scale');
    await show(scale.id);
    await questionShown(page, scale);
    expect(await page.locator('.scale-ends').textContent()).toContain(scale.labels[0]);
    expect(await page.locator('.scale-ends').textContent()).toContain(scale.labels[1]);
    await checkAccessibility(page, 'a scale poll');
    await shoot(page, 'scale');
    await page.locator('.point', { hasText: String(scale.max - 1) }).click();
    await sendAndConfirm(page, [String(scale.max - 1)]);
    await resultsOf(scale, (r) => r.results.kind === 'scale' && r.results.average === scale.max - 1);

    // Word cloud: a short text field with the protocol's limit.
    const wordcloud = pollOfType('wordcloud');
    await show(wordcloud.id);
    await questionShown(page, wordcloud);
    const word = page.getByLabel(wordcloud.question);
    expect(await word.getAttribute('maxlength')).toBe('40');
    await checkAccessibility(page, 'a word-cloud poll');
    await shoot(page, 'wordcloud');
    expect(await word.getAttribute('dir')).toBe('auto');
    // Text that would look like something else is refused on the phone already, in the person's words.
    await word.fill('Ver\u200Btrouwen');
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await expect
      .poll(() => page.locator('.form-error').textContent())
      .toBe('Je antwoord heeft onzichtbare of vreemde tekens. Typ het opnieuw, zonder kopiëren en plakken.');
    expect(await page.locator('.confirmation').count()).toBe(0);
    await word.fill('  Vertrouwen  ');
    await sendAndConfirm(page, ['Vertrouwen']);
    await resultsOf(wordcloud, (r) => r.results.kind === 'words' && r.results.words.length === 1);

    // Open text: a counter, and the approval note; the text stays text.
    const open = pollOfType('open');
    await show(open.id);
    await questionShown(page, open);
    const textArea = page.getByLabel(open.question);
    expect(await textArea.getAttribute('maxlength')).toBe('280');
    expect(await page.locator('#content').textContent()).toContain('als de trainer het goedkeurt');
    const answer = '<b>Een vaste contactpersoon</b> & tijd';
    await textArea.fill(answer);
    expect(await page.locator('.counter').textContent()).toBe(`Nog ${280 - answer.length} tekens`);
    await checkAccessibility(page, 'an open-text poll');
    await shoot(page, 'open');
    await sendAndConfirm(page, [answer]);
    expect(await page.locator('.confirmation b').count()).toBe(0);
    await resultsOf(open, (r) => r.results.kind === 'answers' && r.results.answers[0]?.text === answer);

    // Ranking, by keyboard: move the first option down twice, then send.
    const ranking = pollOfType('ranking');
    await show(ranking.id);
    await questionShown(page, ranking);
    await checkAccessibility(page, 'a ranking poll');
    const first = ranking.options[0] ?? '';
    await page.getByRole('button', { name: `Lager: ${first}` }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Lager: ${first}`);
    await page.keyboard.press('Space');
    expect(await page.locator('.ranking .item').allTextContents()).toEqual([
      ranking.options[1],
      ranking.options[2],
      first,
      ...ranking.options.slice(3),
    ]);
    await expect.poll(() => page.locator('#announcer').textContent()).toBe(`${first} staat nu op plek 3.`);
    await shoot(page, 'ranking-moved');
    const expected = [ranking.options[1], ranking.options[2], first, ...ranking.options.slice(3)].map(
      (text, place) => `${place + 1}. ${text}`,
    );
    await sendAndConfirm(page, expected);
    await checkAccessibility(page, 'a ranking, voted');
    await resultsOf(ranking, (r) => r.voters === 1);
    expect(problems).toEqual([]);
  });

  test('a closed poll says so with the last answer; revealed results show on the phone', async () => {
    const single = pollOfType('single');
    const { page, problems } = await openPhone(`/${room}`);
    await show(single.id);
    await questionShown(page, single);
    await page.getByLabel(single.options[2] ?? '').check();
    await sendAndConfirm(page, [single.options[2] ?? '']);

    await presenter.requestOk({ type: 'reveal', poll: single.id, revealed: true });
    await expect
      .poll(() =>
        page
          .locator('.results h2')
          .textContent()
          .catch(() => null),
      )
      .toBe('Uitslag');
    await expect.poll(() => page.locator('.results .hint').textContent()).toBe('Aantal antwoorden: 2');
    await shoot(page, 'results');

    await presenter.requestOk({ type: 'close', poll: single.id });
    await expect
      .poll(() =>
        page
          .locator('.closed .notice h2')
          .textContent()
          .catch(() => null),
      )
      .toBe('Stemmen kan nu niet');
    expect(await page.locator('.closed .my-answer li').allTextContents()).toEqual([single.options[2]]);
    await checkAccessibility(page, 'a closed poll with results');
    await shoot(page, 'closed');

    await presenter.requestOk({ type: 'open', poll: single.id });
    await page.locator('.confirmation').waitFor();
    await presenter.requestOk({ type: 'reveal', poll: single.id, revealed: false });
    await expect.poll(() => page.locator('.results').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  test('at 320 px wide nothing sticks out and every target is at least 44 px', async () => {
    const { page, problems } = await openPhone(`/${room}`, { viewport: SMALL_PHONE });
    for (const type of ['single', 'multiple', 'scale', 'wordcloud', 'open', 'ranking'] as const) {
      const poll = pollOfType(type);
      await show(poll.id);
      await questionShown(page, poll);
      const report = await page.evaluate(() => {
        const targets = [
          ...document.querySelectorAll<HTMLElement>('button, label.option, label.point, input[type=text], textarea'),
        ];
        return {
          scrollWidth: document.documentElement.scrollWidth,
          small: targets
            .map((element) => ({ element, box: element.getBoundingClientRect() }))
            .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
            .map(({ element, box }) => `${element.outerHTML.slice(0, 60)} ${box.width}x${box.height}`),
        };
      });
      expect(report.scrollWidth, type).toBeLessThanOrEqual(320);
      expect(report.small, type).toEqual([]);
      await shoot(page, `${type}-small`);
    }
    expect(problems).toEqual([]);
  });

  test('Arabic: right to left with a switcher, the choice kept; poll content stays Dutch', async () => {
    const single = pollOfType('single');
    await show(single.id);
    const { page, problems } = await openPhone(`/${room}`, { locale: 'ar-SY', viewport: SMALL_PHONE });
    await questionShown(page, single);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getByRole('button', { name: 'أرسل' }).count()).toBe(1);
    expect(await page.locator('#content h1 span').getAttribute('lang')).toBe('nl');
    await checkAccessibility(page, 'a poll in Arabic');
    await shoot(page, 'single-arabic');

    await page.getByRole('button', { name: 'English' }).click();
    // The English words are fetched on the first choice of English.
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('ltr');
    expect(await page.getByRole('button', { name: 'Send' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await questionShown(page, single);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('button', { name: 'العربية' }).click();
    await expect.poll(() => page.getAttribute('html', 'dir')).toBe('rtl');
    expect(problems).toEqual([]);
  });

  test('the remote control runs the poll: numbers, open and close, reveal, new round, moderation', async () => {
    const open = pollOfType('open');
    const single = pollOfType('single');
    // Fresh rounds: the numbers below are this test's alone.
    await presenter.requestOk({ type: 'reset', poll: open.id });
    await presenter.requestOk({ type: 'reset', poll: single.id });
    await show(open.id);
    const phone = await openPhone(`/${room}`);
    await questionShown(phone.page, open);
    await phone.page.getByLabel(open.question).fill('Tijd voor inwerken');
    await sendAndConfirm(phone.page, ['Tijd voor inwerken']);

    const remote = await openPhone(`/?remote#room=${room}&token=${remoteToken}`);
    const { page } = remote;
    await remoteShows(page, open);
    await expect.poll(() => page.locator('.moderation li').count()).toBe(1);
    expect(await page.locator('.moderation .answer-text').textContent()).toBe('Tijd voor inwerken');
    await checkAccessibility(page, 'the remote control with an open poll');
    await shoot(page, 'control-open');
    await page.getByRole('button', { name: 'Goedkeuren' }).click();
    await expect.poll(() => page.locator('.moderation .answer-state').textContent()).toBe('Op het scherm');
    await resultsOf(open, (r) => r.results.kind === 'answers' && r.results.answers.some((a) => a.approved));

    await show(single.id);
    await remoteShows(page, single);
    await questionShown(phone.page, single);
    await phone.page.getByLabel(single.options[0] ?? '').check();
    await sendAndConfirm(phone.page, [single.options[0] ?? '']);
    const firstRow = page.locator('.numbers-table tbody tr').first();
    await expect.poll(() => firstRow.locator('td').last().textContent()).toBe('1');
    await checkAccessibility(page, 'the remote control with counts');
    await shoot(page, 'control-single');

    await page.getByRole('button', { name: /^Stemmen sluiten/ }).click();
    await phone.page.locator('.closed').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: /^Stemmen openen/ }).click();
    await phone.page.locator('.confirmation').waitFor({ timeout: 10_000 });

    // Earlier tests may have left the results shown or hidden: hide them first, then show and hide.
    const revealButton = page.getByRole('button', { name: /^Resultaten (tonen|verbergen)/ });
    if ((await revealButton.textContent())?.startsWith('Resultaten verbergen')) await revealButton.click();
    await expect.poll(() => phone.page.locator('.results').count()).toBe(0);
    await page.getByRole('button', { name: /^Resultaten tonen/ }).click();
    await phone.page.locator('.results').waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: /^Resultaten verbergen/ }).click();
    await expect.poll(() => phone.page.locator('.results').count()).toBe(0);

    const round = async (): Promise<number> =>
      Number(/ronde (\d+)$/.exec((await page.locator('.console-poll .kicker').textContent()) ?? '')?.[1]);
    const before = await round();
    await page.getByRole('button', { name: /^Nieuwe ronde…/ }).click();
    await page.getByRole('button', { name: 'Annuleren' }).click();
    expect(await round()).toBe(before);
    await page.getByRole('button', { name: /^Nieuwe ronde…/ }).click();
    await shoot(page, 'control-confirm-reset');
    await page.getByRole('button', { name: 'Nieuwe ronde starten' }).click();
    await expect.poll(round).toBe(before + 1);
    // The phone starts the new round with an empty form.
    await phone.page.locator('form.poll-form').waitFor({ timeout: 10_000 });
    expect(await phone.page.locator('input:checked').count()).toBe(0);
    expect([...phone.problems, ...remote.problems]).toEqual([]);
  });

  test('the remote control refuses a wrong token, the room key or an incomplete link in plain words', async () => {
    const wrongToken = 'x'.repeat(32);
    const { page, problems } = await openPhone(`/?remote#room=${room}&token=${wrongToken}`);
    const message = '.console-message p';
    await expect
      .poll(() => page.locator('.console-message h1').textContent(), { timeout: 10_000 })
      .toBe('Dit lukt niet');
    expect(await page.locator(message).textContent()).toContain('Deze link werkt niet (meer)');
    await page.goto(`${server.url}/?remote#room=${room}&key=${key}`);
    await page.reload();
    await expect.poll(() => page.locator(message).textContent()).toContain('Deze link is niet compleet');
    await page.goto(`${server.url}/?remote#room=${room}`);
    await page.reload();
    await expect.poll(() => page.locator(message).textContent()).toContain('Deze link is niet compleet');
    expect(problems).toEqual([]);
  });

  test('after a server restart the phone reconnects by itself and shows the fresh snapshot', async () => {
    const scale = pollOfType('scale');
    if (scale.type !== 'scale') throw new Error('not scale');
    await show(scale.id);
    const { page } = await openPhone(`/${room}`);
    await questionShown(page, scale);
    await page.locator('.point', { hasText: String(scale.min) }).click();
    await sendAndConfirm(page, [`${scale.min} (${scale.labels[0]})`]);

    const port = server.port;
    presenter.close();
    await server.close();
    await expect
      .poll(() => page.locator('#connection').textContent(), { timeout: 10_000 })
      .toBe('De verbinding is weg. We proberen het opnieuw…');
    await shoot(page, 'reconnecting');

    server = await startServer({ port, host: '127.0.0.1', dataDir, distDir: DIST_DIR, retentionDays: 30 });
    presenter = await PollClient.connect(server.url);
    await presenter.requestOk({ type: 'present', room, key });
    await expect.poll(() => page.locator('#connection').textContent(), { timeout: 30_000 }).toBe('');
    // The vote was committed before the restart: the snapshot brings it back.
    await page.locator('.confirmation').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('#announcer').textContent()).toBe('Je bent weer verbonden.');

    const ranking = pollOfType('ranking');
    await show(ranking.id);
    await questionShown(page, ranking);
  });

  describe('without a server', () => {
    let staticHost: Awaited<ReturnType<typeof serveDist>>;
    beforeAll(async () => {
      staticHost = await serveDist(DIST_DIR);
    });
    afterAll(async () => staticHost?.close());

    test('a join page on a static host says live polls need the trainer and asks nothing', async () => {
      const context = await browser.newContext({ viewport: SMALL_PHONE, locale: 'nl-NL', reducedMotion: 'reduce' });
      const page = await context.newPage();
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (request) => requests.push(new URL(request.url()).pathname));
      page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(new URL('join.html#K7Q4PM', staticHost.url).href);
      await expect.poll(() => page.locator('#content h1').textContent()).toBe('Live vragen zijn er nu niet');
      expect(await page.locator('#content').textContent()).toContain('server van de trainer');
      await page.waitForLoadState('networkidle');
      expect(requests.filter((path) => !path.endsWith('.html') && !path.includes('/assets/'))).toEqual([]);
      expect(problems).toEqual([]);
      await checkAccessibility(page, 'self-study');
      await shoot(page, 'no-server');
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.locator('#content h1').textContent()).toBe('No live questions right now');
      expect(requests.filter((path) => !path.endsWith('.html') && !path.includes('/assets/'))).toEqual([]);
      await context.close();
    });
  });
});
