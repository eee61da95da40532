import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Case, Deck, Poll } from '../../src/shared/deck.ts';
import { describeInBrowser, launchBrowser, screenshotDir, useStaticDeck } from '../helpers/browser.ts';
import { approveAnswer } from '../helpers/consoleActions.ts';
import { goToSlide, overflowOfSlide, watchProblems } from '../helpers/deckPages.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';
import { DIST } from '../helpers/serveDist.ts';

// A case's group exercise in a live session: the presenter runs the countdown from the console with keys
// and buttons,
// two phones show the same time and each sends its group's answers, which reach the wall only after
// the presenter approved them. And the same countdown in a self-study deck, without any server.

const shots = screenshotDir('group-exercise');

/** The first case with a group poll, from the built deck (the test follows the content, not names). */
function groupCase(): { story: Case; poll: Poll } {
  const deck = JSON.parse(readFileSync(join(DIST, 'deck.json'), 'utf8')) as Deck;
  for (const story of deck.cases) {
    const poll = story.polls.find((p) => p.type === 'group');
    if (poll && story.questions.length > 0) return { story, poll };
  }
  throw new Error('the deck has no case with a group poll');
}

/** "9:58" as seconds. */
const seconds = (clock: string | null): number => {
  const [minutes, secs] = (clock ?? '').split(':').map(Number);
  return (minutes ?? NaN) * 60 + (secs ?? NaN);
};

const deckClock = (page: Page, slide: string) => page.textContent(`#${slide} .countdown-time`);
const phoneClock = (phone: Page) => phone.textContent('#countdown .countdown-time');
/** The console's start/pause button (the slide itself has no buttons in a live session). */
const TOGGLE = '.console-countdown button[aria-keyshortcuts="T"]';
const phoneState = (phone: Page, state: string) =>
  phone.waitForSelector(`#countdown:not([hidden])[data-state="${state}"]`);

describeInBrowser('a group exercise: countdown on the deck and the phones, group answers to the wall', () => {
  let browser: Browser;
  let presenter: Page;
  const phones: Page[] = [];
  const problems: string[] = [];
  const { story, poll } = groupCase();
  const exerciseSlide = `${story.slug}-opdracht`;

  const live = useLivePollServer();

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    presenter = await context.newPage();
    watchProblems(presenter, 'presenter', problems);
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('the exercise slide shows the questions, the countdown and where to join', async () => {
    await presenter.goto(`${live.url}/#/${exerciseSlide}`);
    await presenter.waitForSelector(`#${exerciseSlide} .join-panel.has-room .qr-code`);
    expect(await deckClock(presenter, exerciseSlide)).toBe(`${story.exerciseMinutes}:00`);
    expect(await overflowOfSlide(presenter)).toEqual({ x: 0, y: 0 });

    const link = await presenter.getAttribute(`#${exerciseSlide} .join-link`, 'href');
    for (let k = 0; k < 2; k++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
      const phone = await context.newPage();
      watchProblems(phone, `phone ${k + 1}`, problems);
      await phone.goto(link ?? '');
      // On the exercise slide the phones get the group form, not "look at the screen".
      await phone.waitForSelector('form.poll-group');
      expect(await phone.textContent('form.poll-group h1')).toBe(poll.question);
      phones.push(phone);
    }
    // No countdown on the phones before the presenter starts it.
    for (const phone of phones) expect(await phone.isHidden('#countdown')).toBe(true);
  });

  test('presenter and phones agree on the countdown: started by key, paused by button, reset by key', async () => {
    await presenter.keyboard.press('t');
    await presenter.waitForSelector(`#${exerciseSlide} .countdown[data-state="running"]`);
    for (const phone of phones) await phoneState(phone, 'running');
    // Let it run a moment, then read both screens at about the same time.
    await presenter.waitForFunction(
      ([slide, full]) => document.querySelector(`#${slide} .countdown-time`)?.textContent !== full,
      [exerciseSlide, `${story.exerciseMinutes}:00`] as const,
    );
    const [onDeck, ...onPhones] = await Promise.all([deckClock(presenter, exerciseSlide), ...phones.map(phoneClock)]);
    for (const onPhone of onPhones) expect(Math.abs(seconds(onPhone) - seconds(onDeck))).toBeLessThanOrEqual(1);
    expect(seconds(onDeck)).toBeLessThan(story.exerciseMinutes * 60);
    await presenter.screenshot({ path: join(shots, '01-case-slide-countdown-running.png') });
    await phones[0]?.screenshot({ path: join(shots, '02-phone-countdown-group-form.png'), fullPage: true });

    await presenter.click(TOGGLE);
    await presenter.waitForSelector(`#${exerciseSlide} .countdown[data-state="paused"]`);
    for (const phone of phones) await phoneState(phone, 'paused');
    const pausedOnDeck = await deckClock(presenter, exerciseSlide);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // Paused, the time stands still, and it is the same time everywhere.
    expect(await deckClock(presenter, exerciseSlide)).toBe(pausedOnDeck);
    for (const phone of phones) expect(await phoneClock(phone)).toBe(pausedOnDeck);
    expect(await presenter.textContent(TOGGLE)).toContain('Verder');

    await presenter.keyboard.press('r');
    await presenter.waitForSelector(`#${exerciseSlide} .countdown[data-state="ready"]`);
    expect(await deckClock(presenter, exerciseSlide)).toBe(`${story.exerciseMinutes}:00`);
    for (const phone of phones) await phone.waitForSelector('#countdown[hidden]', { state: 'attached' });

    await presenter.click(TOGGLE);
    for (const phone of phones) await phoneState(phone, 'running');
  });

  test('a phone that reloads mid-exercise gets the running countdown back', async () => {
    const phone = phones[1];
    if (!phone) throw new Error('no second phone');
    await phone.reload();
    await phoneState(phone, 'running');
    const [onDeck, onPhone] = await Promise.all([deckClock(presenter, exerciseSlide), phoneClock(phone)]);
    expect(Math.abs(seconds(onPhone) - seconds(onDeck))).toBeLessThanOrEqual(1);
  });

  test('two groups send their answers; the wall shows them only after the presenter approved them', async () => {
    const groups = [
      { name: 'Tafel 1', text: 'Ja, de fabriek is een goede eerste stap: hij verdient geld en oefent Nederlands.' },
      { name: 'Tafel 2', text: 'Hij heeft een VCA-diploma nodig. <b>Een coach</b> kan helpen.' },
    ];
    for (const [k, phone] of phones.entries()) {
      const group = groups[k];
      if (!group) continue;
      await phone.fill('form.poll-group input[name="group"]', group.name);
      await phone.fill('form.poll-group textarea', group.text);
      await phone.click('form.poll-group button[type="submit"]');
      await phone.waitForSelector('text=Je antwoord is ontvangen');
    }
    await phones[0]?.screenshot({ path: join(shots, '03-phone-group-answer-sent.png'), fullPage: true });

    const wallSlide = await presenter.$eval(
      `.poll[data-poll-id="${poll.id}"]`,
      (element) => element.closest('section')?.id ?? '',
    );
    await goToSlide(presenter, wallSlide);
    const wall = `#${wallSlide} .answer-wall`;
    await presenter.waitForFunction(() => document.querySelectorAll('.console-moderation li.waiting').length === 2);
    expect(await presenter.$$eval(`${wall} li`, (items) => items.length)).toBe(0);

    for (const group of groups) await approveAnswer(presenter, group.name);
    await presenter.keyboard.press('u');
    await presenter.waitForFunction((selector) => document.querySelectorAll(`${selector} li`).length === 2, wall);
    const cards = await presenter.$$eval(`${wall} li`, (items) =>
      items.map((item) => [
        item.querySelector('.answer-group')?.textContent,
        item.querySelector('.answer-text')?.textContent,
      ]),
    );
    expect(cards).toEqual(groups.map((group) => [group.name, group.text]));
    // Group names and answers take their direction from their own text.
    const directions = await presenter.$$eval(`${wall} li :is(.answer-group, .answer-text)`, (items) =>
      items.map((item) => item.getAttribute('dir')),
    );
    expect(directions).toEqual(['auto', 'auto', 'auto', 'auto']);
    // Participants' text is text: the markup in the second answer is shown, not run.
    expect(await presenter.$$eval(`${wall} b`, (bold) => bold.length)).toBe(0);
    expect(await overflowOfSlide(presenter)).toEqual({ x: 0, y: 0 });
    await presenter.screenshot({ path: join(shots, '04-group-answer-wall.png') });
    expect(problems).toEqual([]);
  });
});

describeInBrowser('the countdown without a poll server (self-study deck)', () => {
  const deck = useStaticDeck();
  const { story } = groupCase();
  const exerciseSlide = `${story.slug}-opdracht`;

  test('starts, runs, pauses and resets on the slide itself', async () => {
    const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`${deck.url}#/${exerciseSlide}`);
    await page.waitForSelector(`#${exerciseSlide}.present`);
    const full = `${story.exerciseMinutes}:00`;
    await page.click(`#${exerciseSlide} .countdown-toggle`);
    await page.waitForFunction(
      ([slide, start]) => document.querySelector(`#${slide} .countdown-time`)?.textContent !== start,
      [exerciseSlide, full] as const,
    );
    await page.keyboard.press('t');
    await page.waitForSelector(`#${exerciseSlide} .countdown[data-state="paused"]`);
    expect(seconds(await deckClock(page, exerciseSlide))).toBeLessThan(story.exerciseMinutes * 60);
    expect(await page.textContent(`#${exerciseSlide} .countdown-state`)).toMatch(/^Gepauzeerd op \d+:\d\d\.$/);
    await page.keyboard.press('r');
    expect(await deckClock(page, exerciseSlide)).toBe(full);
    // Self-study: nothing but the deck's own files is asked for.
    expect(requests.filter((url) => !url.startsWith(deck.url))).toEqual([]);
    expect(requests.some((url) => url.includes('/ws'))).toBe(false);
  });
});
