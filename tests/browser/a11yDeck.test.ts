import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Deck, Poll } from '../../src/shared/deck.ts';
import { axeViolations } from '../helpers/axe.ts';
import { describeInBrowser, screenshotDir, useStaticDeck } from '../helpers/browser.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';
import { DIST } from '../helpers/serveDist.ts';

// The accessibility sweep of the built deck: axe-core (WCAG 2.1 A and AA) on every slide at 1280x720,
// horizontal and vertical, reached through reveal.js's own API. Once as the self-study deck on a static
// host, once as the presenter's deck with the poll server (every slide with a poll or a join panel, and
// the presenter's dialogs). Run `npm run build` first; npm test does.

const DIST_DIR = process.env.DECK_DIST ?? DIST;

/**
 * Deliberate exceptions: axe rule id and the reason it does not apply. Keep this list short; every entry
 * is a promise that a person checked the rule by hand.
 */
const EXCEPTIONS: Record<string, string> = {};

/**
 * What axe looks at on each slide: the slide on screen and the deck's chrome around it (reveal's arrows
 * and progress bar, its live region, the trainer menu button and any open dialog).
 */
const CHROME = [
  '.reveal > .controls',
  '.reveal > .progress',
  '.reveal > .aria-status',
  '.trainer-menu-button',
  'dialog[open]',
];
const PRESENT = '.reveal .slides section.present:not(.stack)';
/** About 0.2 s a slide on a quiet machine; more while other browser tests share its two cores. */
const SWEEP_TIMEOUT = 300_000;

interface SlidePosition {
  h: number;
  v: number;
  id: string;
}

/** Every slide of the deck as reveal.js counts it: horizontal index, vertical index, id. */
function slidePositions(page: Page): Promise<SlidePosition[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.reveal .slides > section')).flatMap((column, h) => {
      const stack = Array.from(column.children).filter((child) => child.tagName === 'SECTION');
      return stack.length === 0 ? [{ h, v: 0, id: column.id }] : stack.map((slide, v) => ({ h, v, id: slide.id }));
    }),
  );
}

/**
 * Shows a slide through reveal.js's postMessage API (`Reveal.slide(h, v)`): the deck keeps its instance
 * to itself, and this is the API reveal.js offers to the page around it.
 */
async function showSlide(page: Page, { h, v }: SlidePosition): Promise<void> {
  await page.evaluate(([h, v]) => window.postMessage(JSON.stringify({ method: 'slide', args: [h, v] }), '*'), [
    h,
    v,
  ] as const);
  await page.waitForFunction(
    ([h, v]) => {
      const column = document.querySelectorAll('.reveal .slides > section')[h];
      const stack = Array.from(column?.children ?? []).filter((child) => child.tagName === 'SECTION');
      const slide = stack.length === 0 ? column : stack[v];
      return slide?.classList.contains('present') === true;
    },
    [h, v] as const,
  );
}

/** axe on the slide on screen and the chrome around it. */
function slideViolations(page: Page): Promise<string[]> {
  return axeViolations(page, { include: [PRESENT, ...CHROME], exceptions: EXCEPTIONS });
}

/** Runs axe on every slide in `positions`; returns the findings by slide id. */
async function sweep(page: Page, positions: SlidePosition[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const position of positions) {
    await showSlide(page, position);
    const violations = await slideViolations(page);
    if (violations.length > 0) found[position.id || `${position.h}/${position.v}`] = violations;
  }
  return found;
}

/** A self-study answer to every poll of the built deck, as the deck keeps them in localStorage. */
function answersToEveryPoll(): Record<string, unknown> {
  const deck = JSON.parse(readFileSync(join(DIST_DIR, 'deck.json'), 'utf8')) as Deck;
  const polls: Poll[] = [...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing].flatMap((part) => part.polls);
  const answer = (poll: Poll): unknown => {
    switch (poll.type) {
      case 'single':
        return 1;
      case 'multiple':
        return [0, 1].slice(0, poll.max);
      case 'scale':
        return poll.max;
      case 'ranking':
        return poll.options.map((_, k) => k).reverse();
      default:
        return 'samen werken aan vertrouwen';
    }
  };
  return Object.fromEntries(polls.map((poll) => [poll.id, answer(poll)]));
}

/** Collects console errors and page errors. */
function watchProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
}

describeInBrowser('accessibility of every slide (axe-core, WCAG 2.1 A and AA)', () => {
  const deck = useStaticDeck();
  const live = useLivePollServer();
  const shots = screenshotDir('a11y-deck');

  test(
    'the self-study deck: the whole page, then every slide with the chrome around it',
    async () => {
      const context = await deck.browser.newContext({
        viewport: { width: 1280, height: 720 },
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      const problems: string[] = [];
      watchProblems(page, problems);
      await page.goto(deck.url);
      await page.waitForSelector('.reveal.ready');
      expect(await page.getAttribute('html', 'data-poll-mode')).toBe('self-study');

      // Once for the whole document: its title, language, landmarks, ids, and what the hidden slides hold.
      expect(await axeViolations(page, { exceptions: EXCEPTIONS }), 'axe on the whole deck').toEqual([]);

      const positions = await slidePositions(page);
      expect(positions.length).toBeGreaterThan(100);
      expect(
        positions.some((position) => position.v > 0),
        'the deck has vertical slides',
      ).toBe(true);
      const started = Date.now();
      const found = await sweep(page, positions);
      console.log(`axe on ${positions.length} self-study slides: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(found).toEqual({});

      // The sweep sees what is wrong: a button without a name on the slide on screen is found.
      await page.evaluate((selector) => {
        const button = document.createElement('button');
        button.className = 'a11y-canary';
        document.querySelector(selector)?.append(button);
      }, PRESENT);
      expect((await slideViolations(page)).join('\n')).toMatch(/^button-name: .*a11y-canary/m);
      await page.evaluate(() => document.querySelector('.a11y-canary')?.remove());
      expect(problems).toEqual([]);
      await context.close();
    },
    SWEEP_TIMEOUT,
  );

  test(
    'the self-study deck with an answer to every poll, as a reader who comes back finds it',
    async () => {
      const context = await deck.browser.newContext({
        viewport: { width: 1280, height: 720 },
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      const problems: string[] = [];
      watchProblems(page, problems);
      await page.goto(deck.url);
      await page.evaluate(
        (answers) => localStorage.setItem('deck-self-study-answers', JSON.stringify(answers)),
        answersToEveryPoll(),
      );
      await page.reload();
      await page.waitForSelector('.reveal.ready');
      const answered = new Set(
        await page.$$eval('.reveal .slides .poll[data-answered="true"]', (polls) =>
          polls.map((poll) => poll.closest('section')?.id),
        ),
      );
      const positions = (await slidePositions(page)).filter((position) => answered.has(position.id));
      expect(positions.length).toBeGreaterThan(5);
      expect(await sweep(page, positions)).toEqual({});
      await showSlide(page, positions[0] as SlidePosition);
      await page.screenshot({ path: join(shots, 'self-study-answered.png') });
      expect(problems).toEqual([]);
      await context.close();
    },
    SWEEP_TIMEOUT,
  );

  test(
    'the presenter deck with the poll server: every slide with a poll or a join panel, and the dialogs',
    async () => {
      const context = await deck.browser.newContext({
        viewport: { width: 1280, height: 720 },
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      const problems: string[] = [];
      watchProblems(page, problems);
      await page.goto(`${live.url}/#/welkom`);
      await page.waitForSelector('#welkom .join-panel.has-room .qr-code');
      expect(await page.getAttribute('html', 'data-poll-mode')).toBe('live');
      expect(await axeViolations(page, { exceptions: EXCEPTIONS }), 'axe on the whole presenter deck').toEqual([]);

      const withPolls = new Set(
        await page.$$eval('.reveal .slides section:not(.stack)', (slides) =>
          slides.filter((slide) => slide.querySelector('.poll, .join-panel')).map((slide) => slide.id),
        ),
      );
      const positions = (await slidePositions(page)).filter((position) => withPolls.has(position.id));
      expect(positions.length).toBeGreaterThan(5);
      const started = Date.now();
      const found = await sweep(page, positions);
      console.log(`axe on ${positions.length} live slides: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      expect(found).toEqual({});

      // A poll slide with voting closed (A), and the dialog that asks before a new round (W).
      const pollSlide = positions.find((position) => position.id !== 'welkom' && position.id !== 'werkwijze');
      if (!pollSlide) throw new Error('no poll slide');
      await showSlide(page, pollSlide);
      await page.keyboard.press('a');
      await page.waitForFunction(
        (id) => document.querySelector(`#${id} .poll-badge`)?.textContent === 'Stemmen gesloten',
        pollSlide.id,
      );
      expect(await slideViolations(page), 'axe on a poll slide with voting closed').toEqual([]);
      await page.keyboard.press('a');
      await page.keyboard.press('w');
      await page.getByRole('dialog', { name: 'Nieuwe ronde starten?' }).waitFor();
      expect(await slideViolations(page), 'axe with the new-round dialog open').toEqual([]);
      await page.screenshot({ path: join(shots, 'live-new-round-dialog.png') });
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Nieuwe ronde starten?' }).waitFor({ state: 'detached' });
      expect(problems).toEqual([]);
      await context.close();
    },
    SWEEP_TIMEOUT,
  );
});
