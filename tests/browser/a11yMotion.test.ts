import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import type { Deck, Poll } from '../../src/shared/deck.ts';
import { describeInBrowser, useStaticDeck } from '../helpers/browser.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST } from '../helpers/serveDist.ts';

// prefers-reduced-motion: reduce (WCAG 2.3.3, and people who get dizzy from moving screens): the deck
// turns reveal.js's slide transitions off and nothing else on the page moves either: no progress bar
// sliding, no bouncing arrow, no growing chart bars, no words fading in; on the phone no growing bars.
// Checked on the computed styles of every element, and with document.getAnimations() right after a
// change. With no preference, the same checks find motion: proof that they look at the right things.

const DIST_DIR = process.env.DECK_DIST ?? DIST;

/** Every element (and ::before/::after) with a transition or an animation that takes time. */
function movingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (list: string) => list.split(',').map((part) => parseFloat(part) || 0);
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${
        element.getAttribute('class') ? `.${String(element.getAttribute('class')).trim().split(/\s+/).join('.')}` : ''
      }`;
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        if (pseudo && style.content === 'none') continue;
        const transition =
          style.transitionProperty !== 'none' &&
          seconds(style.transitionDuration).some(
            (duration, k) => duration + (seconds(style.transitionDelay)[k] ?? 0) > 0,
          );
        const animation =
          style.animationName.split(',').some((name) => name.trim() !== 'none') &&
          seconds(style.animationDuration).some((duration) => duration > 0);
        if (transition)
          found.push(
            `${describe(element)}${pseudo ?? ''} transition ${style.transitionProperty} ${style.transitionDuration}`,
          );
        if (animation) found.push(`${describe(element)}${pseudo ?? ''} animation ${style.animationName}`);
      }
    }
    return found;
  });
}

/** The CSS transitions and animations running right now. */
function runningAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    document.getAnimations().map((animation) => {
      const target = (animation.effect as KeyframeEffect | null)?.target;
      const name =
        'transitionProperty' in animation
          ? `transition ${String(animation.transitionProperty)}`
          : 'animationName' in animation
            ? `animation ${String(animation.animationName)}`
            : animation.id;
      return `${target?.tagName.toLowerCase() ?? '?'}.${target?.getAttribute('class') ?? ''} ${name}`;
    }),
  );
}

/** reveal.js's transition settings as the deck's DOM shows them. */
function revealTransitions(page: Page): Promise<{ transition: string; background: string | null }> {
  return page.evaluate(() => {
    const reveal = document.querySelector('.reveal');
    const known = ['none', 'fade', 'slide', 'convex', 'concave', 'zoom'];
    return {
      // reveal.js puts the `transition` setting on its root element as a class.
      transition: known.find((name) => reveal?.classList.contains(name)) ?? '?',
      background: reveal?.getAttribute('data-background-transition') ?? null,
    };
  });
}

function builtPolls(): Poll[] {
  const deck = JSON.parse(readFileSync(join(DIST_DIR, 'deck.json'), 'utf8')) as Deck;
  return [...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing].flatMap((part) => part.polls);
}

function pollOfType(type: string): Poll {
  const poll = builtPolls().find((candidate) => candidate.type === type && !candidate.hidden);
  if (!poll) throw new Error(`the deck has no visible ${type} poll`);
  return poll;
}

async function goToSlideOf(page: Page, poll: Poll): Promise<string> {
  const slide = await page.$eval(`.poll[data-poll-id="${poll.id}"]`, (element) => element.closest('section')?.id ?? '');
  await page.evaluate((id) => (window.location.hash = `#/${id}`), slide);
  await page.waitForFunction((id) => document.querySelector('.reveal section.present:not(.stack)')?.id === id, slide);
  return slide;
}

describeInBrowser('prefers-reduced-motion: reduce', () => {
  const deck = useStaticDeck();
  const live = useLivePollServer();

  test('the deck: reveal.js without transitions, and nothing on any slide moves', async () => {
    const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(deck.url);
    await page.waitForSelector('.reveal.ready');
    expect(await revealTransitions(page)).toEqual({ transition: 'none', background: 'none' });
    expect(await movingElements(page)).toEqual([]);

    // Through the deck with the keyboard, right and down: nothing runs after a slide change.
    const visited = new Set<string>();
    for (let step = 0; step < 12; step++) {
      const before = await page.getAttribute('.reveal section.present:not(.stack)', 'id');
      await page.keyboard.press(step % 3 === 2 ? 'ArrowDown' : 'ArrowRight');
      await page
        .waitForFunction((id) => document.querySelector('.reveal section.present:not(.stack)')?.id !== id, before, {
          timeout: 2000,
        })
        .catch(() => undefined);
      const present = await page.getAttribute('.reveal section.present:not(.stack)', 'id');
      visited.add(present ?? '');
      expect(await runningAnimations(page), `after moving to ${present}`).toEqual([]);
      const slide = await page.$eval('.reveal section.present:not(.stack)', (element) => {
        const style = getComputedStyle(element);
        return { property: style.transitionProperty, duration: style.transitionDuration };
      });
      expect(
        slide.property === 'none' || slide.duration.split(',').every((d) => parseFloat(d) === 0),
        present ?? '',
      ).toBe(true);
    }
    expect(visited.size).toBeGreaterThan(5);

    // A group exercise's countdown, started with its key (T): the seconds change, nothing slides or fades.
    const exercise = await page.$$eval('.reveal .countdown', (countdowns) => countdowns[0]?.closest('section')?.id);
    if (exercise) {
      await page.evaluate((id) => (window.location.hash = `#/${id}`), exercise);
      await page.waitForFunction(
        (id) => document.querySelector('.reveal section.present:not(.stack)')?.id === id,
        exercise,
      );
      await page.keyboard.press('t');
      await page.waitForSelector(`#${exercise} .countdown[data-state="running"]`);
      await page.waitForFunction(
        ([id, start]) => document.querySelector(`#${id} .countdown-time`)?.textContent !== start,
        [exercise, await page.textContent(`#${exercise} .countdown-time`)] as const,
      );
      expect(await runningAnimations(page), 'the countdown running').toEqual([]);
      expect(await movingElements(page)).toEqual([]);
      await page.keyboard.press('t');
    }

    // With no preference the same checks see reveal.js's slide transition and the moving progress bar.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.reload();
    await page.waitForSelector('.reveal.ready');
    expect((await revealTransitions(page)).transition).toBe('slide');
    const moving = await movingElements(page);
    expect(moving.some((line) => line.startsWith('section'))).toBe(true);
    expect(moving.some((line) => /^span.* transition transform/.test(line))).toBe(true);

    // And when the setting changes while the deck is open, the style sheet stops the motion at once.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await movingElements(page)).toEqual([]);
    await page.keyboard.press('ArrowRight');
    expect(await runningAnimations(page)).toEqual([]);
    await page.close();
  });

  test('live charts: bars take their new length and new words appear without moving', async () => {
    const single = pollOfType('single');
    const wordcloud = pollOfType('wordcloud');
    const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${live.url}/#/welkom`);
    await page.waitForSelector('#welkom .join-panel.has-room');
    const { room } = JSON.parse((await page.evaluate(() => localStorage.getItem('deck-presenter-room'))) ?? '{}') as {
      room: string;
    };
    const phone = await PollClient.participant(live.url, room);
    try {
      const slide = await goToSlideOf(page, single);
      await expect
        .poll(() => phone.messages.some((m) => m.type === 'state' && m.current?.poll === single.id))
        .toBe(true);
      await phone.requestOk({ type: 'vote', poll: single.id, value: 0 });
      await page.waitForFunction(
        (id) => document.querySelector(`#${id} .poll-chart table tbody tr td:nth-child(2)`)?.textContent === '1',
        slide,
      );
      expect(await runningAnimations(page)).toEqual([]);
      const fill = await page.$eval(`#${slide} .poll-chart .bar-fill`, (element) => {
        const style = getComputedStyle(element);
        return { property: style.transitionProperty, transform: style.transform };
      });
      expect(fill.property).toBe('none');
      // The first bar holds the only vote: full length straight away.
      expect(fill.transform).toBe('matrix(1, 0, 0, 1, 0, 0)');

      const cloud = await goToSlideOf(page, wordcloud);
      await expect
        .poll(() => phone.messages.some((m) => m.type === 'state' && m.current?.poll === wordcloud.id))
        .toBe(true);
      await phone.requestOk({ type: 'vote', poll: wordcloud.id, value: 'samen' });
      await page.waitForSelector(`#${cloud} .word-cloud li`);
      expect(await runningAnimations(page)).toEqual([]);
      expect(await page.$eval(`#${cloud} .word-cloud li`, (item) => getComputedStyle(item).animationName)).toBe('none');
      expect(await movingElements(page)).toEqual([]);

      // With no preference the bars grow: the same check sees their transition.
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      expect(
        await page.$eval(`#${slide} .poll-chart .bar-fill`, (element) => getComputedStyle(element).transitionDuration),
      ).not.toBe('0s');
    } finally {
      phone.close();
      await page.close();
    }
  });

  test('the join page: revealed results without growing bars', async () => {
    const single = pollOfType('single');
    const { presenter, room } = await PollClient.presenter(live.url);
    const context = await deck.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    const page = await context.newPage();
    try {
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await presenter.requestOk({ type: 'show', poll: single.id });
      await presenter.requestOk({ type: 'reveal', poll: single.id, revealed: true });
      await page.goto(`${live.url}/${room}`);
      await page.locator('form.poll-form').waitFor();
      // Space picks the first option, Enter sends the form.
      await page.locator('form.poll-form input').first().focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await page.locator('.results .bar').first().waitFor();
      expect(await runningAnimations(page)).toEqual([]);
      expect(await movingElements(page)).toEqual([]);
      await page.emulateMedia({ reducedMotion: 'no-preference' });
      expect(await page.$eval('.results .bar', (bar) => getComputedStyle(bar).transitionDuration)).not.toBe('0s');
    } finally {
      presenter.close();
      await context.close();
    }
  });
});
