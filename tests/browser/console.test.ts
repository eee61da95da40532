import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Deck, Poll } from '../../src/shared/deck.ts';
import { axeViolations } from '../helpers/axe.ts';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { watchProblems } from '../helpers/deckPages.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';
import { DIST } from '../helpers/serveDist.ts';

// The presenter console and the audience view as two pages of one browser (the laptop), with the real
// poll server and phones in browser contexts of their own. The console runs the session; the audience
// view shows the room's side only, and follows.

const shots = screenshotDir('screenshots');

function builtDeck(): Deck {
  return JSON.parse(readFileSync(join(DIST, 'deck.json'), 'utf8')) as Deck;
}

function firstPoll(fits: (poll: Poll) => boolean): Poll {
  const deck = builtDeck();
  const poll = [...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing]
    .flatMap((part) => part.polls)
    .find(fits);
  if (!poll) throw new Error('the deck has no such poll');
  return poll;
}

const connected = (page: Page) =>
  page.waitForFunction(() => document.documentElement.dataset.pollConnection === 'connected', undefined, {
    timeout: 15_000,
  });

/** What someone could click or type into; the audience view has none of it. */
const CONTROLS =
  'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"]), [contenteditable]';

describeInBrowser('the presenter console and the audience view', () => {
  const server = useLivePollServer();
  let browser: Browser;
  let laptop: BrowserContext;
  let console_: Page;
  let audience: Page;
  const problems: string[] = [];

  /** The slide the audience view shows. */
  const audienceSlide = () =>
    audience.evaluate(() => document.querySelector('.reveal .slides section.present:not(.stack)')?.id ?? '');

  /** Moves the console to a slide the way a trainer's deep link does. */
  async function consoleTo(id: string): Promise<void> {
    await console_.evaluate((slide) => (window.location.hash = `#/${slide}`), id);
    await expect.poll(audienceSlide, { timeout: 10_000 }).toBe(id);
  }

  /** The audience view, opened with S or the console's button. */
  async function openAudience(by: 'key' | 'button' = 'key'): Promise<Page> {
    const open = () =>
      by === 'key' ? console_.keyboard.press('s') : console_.getByRole('button', { name: /^Publieksweergave/ }).click();
    const [page] = await Promise.all([laptop.waitForEvent('page'), open()]);
    watchProblems(page, 'audience', problems);
    await page.waitForSelector('.reveal.ready');
    return page;
  }

  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      reducedMotion: 'reduce',
      locale: 'nl-NL',
    });
    const page = await context.newPage();
    watchProblems(page, 'phone', problems);
    const link = await console_.getAttribute('.join-link[data-join-url]', 'data-join-url');
    await page.goto(link ?? '');
    return page;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    laptop = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    console_ = await laptop.newPage();
    watchProblems(console_, 'console', problems);
    await console_.goto(`${server.url}/?plan=dagdeel#/welkom`);
    await console_.waitForSelector('.console-stage .join-panel.has-room', { timeout: 15_000 });
    audience = await openAudience();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('moving on in the console moves the audience view; the console shows the next slide and the notes', async () => {
    await expect.poll(audienceSlide).toBe('welkom');
    await console_.keyboard.press('ArrowRight');
    const second = await console_.evaluate(
      () => document.querySelector('.console-stage section.present:not(.stack)')?.id,
    );
    await expect.poll(audienceSlide).toBe(second);
    expect(await console_.textContent('.console-time')).toContain('Klok');
    expect(await console_.textContent('.console-time')).toMatch(
      /Plan: (Op schema|\d+ min (achter|voor)|begint om \d\d:\d\d)/,
    );
    expect(await console_.$$('.console-next .console-preview section')).toHaveLength(1);

    // The notes keep their structure: each "Doel / Werkwijze / Let op" line a paragraph of its own.
    const withNotes = await console_.$eval(
      '.console-stage .slides',
      (slides) =>
        [...slides.querySelectorAll('section[id]')].find(
          (slide) =>
            slide.id !== 'welkom' && slide.querySelector(':scope > aside.notes')?.textContent?.includes('Werkwijze:'),
        )?.id,
    );
    await consoleTo(withNotes ?? '');
    const labels = await console_.$$eval('.console-notes p > strong:first-child', (items) =>
      items.map((item) => item.textContent),
    );
    expect(labels).toEqual(expect.arrayContaining(['Doel:', 'Werkwijze:']));
    expect(await console_.textContent('.console-notes')).toContain('Richttijd');
    await console_.setViewportSize({ width: 1024, height: 768 });
    const overflow = await console_.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await console_.screenshot({ path: join(shots, 'console-1024x768-notes.png') });
    await console_.setViewportSize({ width: 1280, height: 800 });
    expect(problems).toEqual([]);
  });

  test('an open answer waits in the console and is absent from the audience view until approved', async () => {
    const poll = firstPoll((p) => p.type === 'open' && !p.hidden && p.moderation === 'approve');
    const slide = await console_.$eval(`.poll[data-poll-id="${poll.id}"]`, (e) => e.closest('section')?.id ?? '');
    await consoleTo(slide);
    const voter = await phone();
    await voter.waitForSelector('textarea, input[type="text"]');
    await voter.fill('textarea, input[type="text"]', 'Geheim antwoord van tafel drie');
    await voter.getByRole('button', { name: 'Verstuur' }).click();
    const pending = console_.locator('.console-moderation li', { hasText: 'Geheim antwoord van tafel drie' });
    await pending.waitFor({ timeout: 10_000 });
    expect(await audience.content()).not.toContain('Geheim antwoord van tafel drie');
    expect(await console_.locator('.console-stage').textContent()).not.toContain('Geheim antwoord van tafel drie');

    await console_.screenshot({ path: join(shots, 'console-1280x800.png') });
    await audience.setViewportSize({ width: 1280, height: 720 });
    await audience.screenshot({ path: join(shots, 'audience-1280x720.png') });
    expect(await audience.$$(CONTROLS)).toEqual([]);
    expect(await axeViolations(audience)).toEqual([]);

    await pending.getByRole('button', { name: 'Goedkeuren' }).click();
    await audience.locator('.answer-wall li', { hasText: 'Geheim antwoord van tafel drie' }).waitFor();
    await voter.context().close();
  });

  test('a rejected answer leaves the queue (button or X) and never reaches the audience view or the phones', async () => {
    const poll = firstPoll((p) => p.type === 'open' && !p.hidden && p.moderation === 'approve');
    const slide = await console_.$eval(`.poll[data-poll-id="${poll.id}"]`, (e) => e.closest('section')?.id ?? '');
    await consoleTo(slide);
    const item = (text: string) => console_.locator('.console-moderation li', { hasText: text });
    const texts = ['Afgewezen met de knop', 'Afgewezen met de toets', 'Goedgekeurd met de toets'];
    const voters: Page[] = [];
    for (const text of texts) {
      const voter = await phone();
      await voter.waitForSelector('textarea, input[type="text"]');
      await voter.fill('textarea, input[type="text"]', text);
      await voter.getByRole('button', { name: 'Verstuur' }).click();
      await item(text).waitFor({ timeout: 10_000 });
      voters.push(voter);
    }
    const [byButton, byKey, approved] = texts as [string, string, string];

    await item(byButton).getByRole('button', { name: 'Afwijzen' }).click();
    await item(byButton).waitFor({ state: 'detached', timeout: 10_000 });
    // The keyboard goes on with the next waiting answer.
    expect(await console_.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.focus)).toMatch(
      /^reject-/,
    );
    await console_.keyboard.press('x'); // the oldest one waiting
    await item(byKey).waitFor({ state: 'detached', timeout: 10_000 });
    expect(
      await console_.evaluate(() => document.activeElement?.closest('li')?.textContent ?? document.activeElement?.id),
    ).toContain(approved);
    await console_.screenshot({ path: join(shots, 'console-rejected-1280x800.png') });
    await console_.keyboard.press('g');
    await console_.locator('.console-moderation li.approved', { hasText: approved }).waitFor({ timeout: 10_000 });

    // What is approved after the rejections reaches the room: the rejected ones never did.
    await audience.locator('.answer-wall li', { hasText: approved }).waitFor({ timeout: 10_000 });
    for (const voter of voters) await voter.locator('.answers li', { hasText: approved }).waitFor({ timeout: 10_000 });
    expect(await audience.content()).not.toMatch(/Afgewezen met/);
    // A phone shows its own answer as sent ("Jouw antwoord"); nobody else's rejected one.
    for (const [k, voter] of voters.entries()) {
      expect(await voter.locator('.answers').textContent()).not.toMatch(/Afgewezen met/);
      const others = [byButton, byKey].filter((text) => text !== texts[k]);
      for (const text of others) expect(await voter.content()).not.toContain(text);
    }
    expect(await console_.locator('.console-moderation').textContent()).not.toMatch(/Afgewezen met/);
    await voters[0]?.screenshot({ path: join(shots, 'phone-after-rejection.png') });
    for (const voter of voters) await voter.context().close();
  });

  test('a vote from a phone-sized page shows in the console and in the audience view', async () => {
    const poll = firstPoll((p) => p.type === 'single' && !p.hidden);
    const slide = await console_.$eval(`.poll[data-poll-id="${poll.id}"]`, (e) => e.closest('section')?.id ?? '');
    await consoleTo(slide);
    const voter = await phone();
    await voter.getByLabel(poll.type === 'single' ? (poll.options[0] ?? '') : '').check();
    await voter.getByRole('button', { name: 'Verstuur' }).click();
    const firstCount = console_.locator('.console-poll .numbers-table tbody tr').first().locator('td').last();
    await expect.poll(() => firstCount.textContent(), { timeout: 10_000 }).toBe('1');
    await expect
      .poll(() => audience.textContent(`#${slide} .poll-answered`), { timeout: 10_000 })
      .toMatch(/^1 van \d+ heeft geantwoord$/);
    await voter.context().close();
  });

  test('the countdown runs in step in the console, the audience view and on a phone', async () => {
    const story = builtDeck().cases.find((c) => c.polls.some((p) => p.type === 'group'));
    if (!story) throw new Error('the deck has no case with a group exercise');
    const slide = `${story.slug}-opdracht`;
    await consoleTo(slide);
    const group = await phone();
    await group.waitForSelector('form.poll-group');
    await console_.keyboard.press('t');
    await audience.waitForSelector(`#${slide} .countdown[data-state="running"]`);
    await group.waitForSelector('#countdown:not([hidden])[data-state="running"]');
    await console_.waitForFunction(
      ([id, full]) => document.querySelector(`#${id} .countdown-time`)?.textContent !== full,
      [slide, `${story.exerciseMinutes}:00`] as const,
    );
    const clocks = await Promise.all([
      console_.textContent('.console-countdown-time'),
      audience.textContent(`#${slide} .countdown-time`),
      group.textContent('#countdown .countdown-time'),
    ]);
    const seconds = clocks.map((clock) => {
      const [m, sec] = (clock ?? '').split(':').map(Number);
      return (m ?? NaN) * 60 + (sec ?? NaN);
    });
    for (const value of seconds) expect(Math.abs(value - (seconds[0] ?? 0)), clocks.join(' ')).toBeLessThanOrEqual(1);
    // A minute more (M) reaches the audience view too.
    await console_.keyboard.press('m');
    await expect
      .poll(async () => Number((await audience.textContent(`#${slide} .countdown-time`))?.split(':')[0]))
      .toBe(story.exerciseMinutes);
    await group.context().close();
  });

  test('B blanks the audience view and brings it back', async () => {
    await console_.keyboard.press('b');
    await audience.waitForSelector('.black-screen:not([hidden])');
    expect(await console_.isVisible('.console-black-note')).toBe(true);
    await console_.keyboard.press('b');
    await audience.waitForSelector('.black-screen[hidden]', { state: 'attached' });
  });

  test('a reload of either window resumes: the slide, the black screen, the running countdown', async () => {
    const slide = await audienceSlide();
    await console_.keyboard.press('b');
    await audience.waitForSelector('.black-screen:not([hidden])');
    await audience.reload();
    await audience.waitForSelector('.reveal.ready');
    await expect.poll(audienceSlide).toBe(slide);
    await audience.waitForSelector('.black-screen:not([hidden])', { timeout: 10_000 });
    await audience.waitForSelector(`#${slide} .countdown[data-state="running"]`);

    await console_.reload();
    await connected(console_);
    expect(await console_.getAttribute('.console-stage section.present:not(.stack)', 'id')).toBe(slide);
    await console_.waitForSelector('.console-black-note:not([hidden])');
    await console_.waitForSelector(`#${slide} .countdown[data-state="running"]`);
    await console_.keyboard.press('b');
    await audience.waitForSelector('.black-screen[hidden]', { state: 'attached' });
    await console_.keyboard.press('t');
    await audience.waitForSelector(`#${slide} .countdown[data-state="paused"]`);
  });

  test('the audience view closed and opened again shows where the session is', async () => {
    const slide = await audienceSlide();
    await audience.close();
    audience = await openAudience('button');
    await expect.poll(audienceSlide, { timeout: 10_000 }).toBe(slide);
  });

  test('two consoles on one room both follow the newer move', async () => {
    const second = await laptop.newPage();
    watchProblems(second, 'second console', problems);
    await second.goto(`${server.url}/?plan=dagdeel#/welkom`);
    await connected(second);
    const onScreen = (page: Page) =>
      page.evaluate(() => document.querySelector('.console-stage section.present:not(.stack)')?.id ?? '');
    await second.keyboard.press('ArrowRight');
    const moved = await onScreen(second);
    await expect.poll(audienceSlide).toBe(moved);
    await expect.poll(() => onScreen(console_)).toBe(moved);
    await console_.keyboard.press('ArrowRight');
    const newer = await onScreen(console_);
    expect(newer).not.toBe(moved);
    await expect.poll(audienceSlide).toBe(newer);
    await expect.poll(() => onScreen(second)).toBe(newer);
    await second.close();
  });

  test('the console is clean for axe and lists its keys with ?', async () => {
    expect(await axeViolations(console_, { exclude: ['.console-stage .slides'] })).toEqual([]);
    await console_.keyboard.press('?');
    const keys = console_.getByRole('dialog', { name: 'Sneltoetsen' });
    await keys.waitFor();
    expect(await keys.textContent()).toContain('scherm in de zaal zwart');
    await console_.keyboard.press('Escape');
    expect(problems).toEqual([]);
  });
});
