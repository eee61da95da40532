import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { indexPolls } from '../../src/client/pollsFile.ts';
import { deckPolls, type Deck, type Poll, type PollType } from '../../src/shared/deck.ts';
import type { PollResults } from '../../src/shared/protocol.ts';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST } from '../helpers/serveDist.ts';

// A participant who uses only a keyboard (a switch, a Bluetooth keyboard on a tablet, a screen reader's
// keys): from the code form to a vote in every poll type, with nothing but keyboard.press and
// keyboard.type. Each vote must show its confirmation on the page and reach the server. A plain
// WebSocket client is the presenter. Run `npm run build` first; npm test does.

const DIST_DIR = process.env.DECK_DIST ?? DIST;

/** Presses Tab until the focused element matches `selector`; fails after `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let step = 0; step < limit; step++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  throw new Error(`Tab never reached ${selector}; focus is on ${focused}`);
}

/** What the confirmation says was received: its list of answer lines. */
async function confirmation(page: Page): Promise<string[]> {
  const box = page.locator('.confirmation');
  await box.waitFor({ timeout: 10_000 });
  expect(await box.locator('h2').textContent()).toContain('Je antwoord is ontvangen');
  // Focus moves to the confirmation: a screen reader reads it, and Tab goes on from there.
  expect(await page.evaluate(() => document.activeElement?.classList.contains('confirmation'))).toBe(true);
  return box.locator('.my-answer li').allTextContents();
}

describeInBrowser('the join page with only a keyboard', () => {
  let browser: Browser;
  let presenter: PollClient;
  let room: string;
  let polls: Poll[];
  const live = useLivePollServer();
  const shots = screenshotDir('keyboard-join');

  /** A poll of the type, preferably one whose results are not hidden (the phone votes the same way). */
  const pollOfType = (type: PollType): Poll | undefined =>
    polls.find((poll) => poll.type === type && !poll.hidden) ?? polls.find((poll) => poll.type === type);

  /** Waits until the presenter's latest results of `poll` pass `check`. */
  const serverHas = (poll: Poll, check: (results: PollResults) => boolean) =>
    expect
      .poll(() => presenter.latestResults(poll.id), { timeout: 10_000, message: `results of ${poll.id}` })
      .toSatisfy((results: PollResults | null) => results !== null && check(results));

  beforeAll(async () => {
    if (!existsSync(join(DIST_DIR, 'join.html'))) {
      throw new Error(`${DIST_DIR} has no join.html: run \`npm run build\` first (npm test does)`);
    }
    polls = [...indexPolls(deckPolls(JSON.parse(readFileSync(join(DIST_DIR, 'deck.json'), 'utf8')) as Deck)).values()];
    ({ presenter, room } = await PollClient.presenter(live.url));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    presenter?.close();
    await browser?.close();
  });

  test('types the code, then votes in every poll type with Tab, arrows, Space, Enter and typing', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'nl-NL',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await presenter.requestOk({ type: 'show', poll: null });
    await page.goto(`${live.url}/join.html`);
    await page.locator('#join-code').waitFor();

    // The code form: Tab to the field, type the code as it is on the screen, Enter.
    await tabTo(page, '#join-code');
    await page.keyboard.type(room.toLowerCase());
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#content h1').textContent(), { timeout: 10_000 })
      .toBe('Kijk naar het scherm');

    const show = async (poll: Poll): Promise<void> => {
      await presenter.requestOk({ type: 'show', poll: poll.id });
      await expect
        .poll(() => page.locator('#content h1').first().textContent(), { timeout: 10_000 })
        .toBe(poll.question);
    };
    const submit = async (): Promise<void> => {
      await tabTo(page, 'form.poll-form button[type="submit"]');
      await page.keyboard.press('Enter');
    };
    const voted: string[] = [];

    // Single choice: Tab into the options, the arrow key picks the next one.
    const single = pollOfType('single');
    if (single) {
      await show(single);
      await tabTo(page, 'form.poll-form input[type="radio"]');
      await page.keyboard.press('ArrowDown');
      await submit();
      expect(await confirmation(page)).toEqual([single.options[1]]);
      await serverHas(single, (r) => r.results.kind === 'counts' && r.results.counts[1] === 1);
      voted.push('single');
    }

    // Multiple choice: Space ticks a box, Tab to the next box, Space again.
    const multiple = pollOfType('multiple');
    if (multiple) {
      await show(multiple);
      await tabTo(page, 'form.poll-form input[type="checkbox"]');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      await submit();
      expect(await confirmation(page)).toEqual([multiple.options[0], multiple.options[1]]);
      await serverHas(
        multiple,
        (r) => r.results.kind === 'counts' && r.results.counts[0] === 1 && r.results.counts[1] === 1,
      );
      voted.push('multiple');
    }

    // Scale: the numbers are a radio group; the arrow keys move along it.
    const scale = pollOfType('scale');
    if (scale?.type === 'scale') {
      await show(scale);
      await tabTo(page, 'form.poll-form input[type="radio"]');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await submit();
      expect((await confirmation(page))[0]).toMatch(new RegExp(`^${scale.min + 2}\\b`));
      await serverHas(scale, (r) => r.results.kind === 'scale' && r.results.average === scale.min + 2);
      voted.push('scale');
    }

    // Word cloud: type the word, Enter sends it.
    const wordcloud = pollOfType('wordcloud');
    if (wordcloud) {
      await show(wordcloud);
      await tabTo(page, 'form.poll-form input[type="text"]');
      await page.keyboard.type('Samen');
      await page.keyboard.press('Enter');
      expect(await confirmation(page)).toEqual(['Samen']);
      await serverHas(wordcloud, (r) => r.results.kind === 'words' && r.results.words.some((w) => w.count === 1));
      voted.push('wordcloud');
    }

    // Open text: Enter in the text area is a new line, so Tab to the button to send.
    const open = pollOfType('open');
    if (open) {
      await show(open);
      await tabTo(page, 'form.poll-form textarea');
      await page.keyboard.type('Tijd om in te werken');
      await submit();
      expect(await confirmation(page)).toEqual(['Tijd om in te werken']);
      await serverHas(
        open,
        (r) => r.results.kind === 'answers' && r.results.answers.some((a) => a.text === 'Tijd om in te werken'),
      );
      voted.push('open');
    }

    // Ranking: Enter and Space press the "lower" button of the first item, which keeps the focus.
    const ranking = pollOfType('ranking');
    if (ranking) {
      await show(ranking);
      await tabTo(page, 'form.poll-form button.move[data-item="0"][data-step="1"]');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Space');
      const order = [ranking.options[1], ranking.options[2], ranking.options[0], ...ranking.options.slice(3)];
      expect(await page.locator('.ranking .item').allTextContents()).toEqual(order);
      await page.screenshot({ path: join(shots, 'ranking-moved.png') });
      await submit();
      expect(await confirmation(page)).toEqual(order.map((text, place) => `${place + 1}. ${text}`));
      const n = ranking.options.length;
      await serverHas(
        ranking,
        // Borda points: first place n-1; the first option is now third.
        (r) => r.results.kind === 'ranking' && r.results.scores[1] === n - 1 && r.results.scores[0] === n - 3,
      );
      voted.push('ranking');
    }

    // Group answer (where the deck has one): the group's name, Tab, the answers, Tab to send.
    const group = pollOfType('group');
    if (group) {
      await show(group);
      await tabTo(page, 'form.poll-form input[name="group"]');
      await page.keyboard.type('Groep Noord');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Eerst kennismaken met de werkgever');
      await submit();
      expect((await confirmation(page)).join(' ')).toContain('Eerst kennismaken met de werkgever');
      await serverHas(
        group,
        (r) => r.results.kind === 'answers' && r.results.answers.some((a) => a.group === 'Groep Noord'),
      );
      voted.push('group');
    }

    expect(voted).toEqual(expect.arrayContaining(['single', 'multiple', 'scale', 'wordcloud', 'open', 'ranking']));
    await page.screenshot({ path: join(shots, 'last-vote.png') });

    // Changing an answer works the same way: Tab to the button, Enter, and the form is back, filled in.
    if (single) {
      await show(single);
      await page.locator('.confirmation').waitFor();
      await tabTo(page, 'button.secondary');
      await page.keyboard.press('Enter');
      // The form is back with the earlier answer; focus is on it, where Tab would land in the group.
      expect(await page.locator('form.poll-form input[type="radio"]').nth(1).isChecked()).toBe(true);
      expect(
        await page.evaluate(() => document.activeElement?.matches('form.poll-form input[type="radio"]:checked')),
      ).toBe(true);
      await page.keyboard.press('ArrowDown');
      await submit();
      expect(await confirmation(page)).toEqual([single.options[2]]);
      await serverHas(single, (r) => r.voters === 1 && r.results.kind === 'counts' && r.results.counts[2] === 1);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
