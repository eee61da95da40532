import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { schedule } from '../../src/deck/plan/schedule.ts';
import type { AgendaPlan } from '../../src/shared/deck.ts';
import { describeInBrowser, screenshotDir, useStaticDeck } from '../helpers/browser.ts';
import { DIST } from '../helpers/serveDist.ts';

/** The plans as the build put them into the page. */
function builtPlans(): AgendaPlan[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const json = /<script type="application\/json" id="deck-plans">(.*?)<\/script>/s.exec(html)?.[1] ?? '[]';
  return JSON.parse(json) as AgendaPlan[];
}

describeInBrowser('a workshop plan (?plan=NAME)', () => {
  const deck = useStaticDeck();

  test('shows only its parts, in its order, with an agenda that follows the start time', async () => {
    const plan = builtPlans().find((p) => p.id === 'dagdeel');
    expect(plan).toBeDefined();
    if (!plan) return;
    const page = await deck.browser.newPage({
      viewport: { width: 1280, height: 720 },
      reducedMotion: 'reduce',
      locale: 'nl-NL',
    });
    await page.goto(`${deck.url}?plan=dagdeel&start=13:30#/agenda`);
    await page.waitForSelector('.reveal.ready');

    const parts = await page.$$eval('.reveal .slides > section', (sections) => sections.map((s) => s.dataset.part));
    const expected = plan.items.map((item) => item.part);
    expect(parts).toEqual([expected[0], 'agenda', ...expected.slice(1)]);

    const expectedTimes = schedule(plan.items, '13:30').map((item) => `${item.from}–${item.to}`);
    expect(await page.$$eval('.agenda-time', (times) => times.map((t) => t.textContent))).toEqual(expectedTimes);
    expect(await page.locator('section#agenda').isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshotDir('plan'), 'agenda-dagdeel.png') });

    await page.fill('#agenda-start', '09:00');
    await page.dispatchEvent('#agenda-start', 'change');
    const later = schedule(plan.items, '09:00').map((item) => `${item.from}–${item.to}`);
    expect(await page.$$eval('.agenda-time', (times) => times.map((t) => t.textContent))).toEqual(later);
    const breakIndex = plan.items.findIndex((item) => item.part === 'break');
    expect(await page.textContent('.break-until')).toBe(
      `We gaan verder om ${schedule(plan.items, '09:00')[breakIndex]?.to}.`,
    );

    await page.reload();
    await page.waitForSelector('.reveal.ready');
    expect(await page.inputValue('#agenda-start')).toBe('13:30');
    await page.close();
  });

  test('the long plan fits its agenda on one slide, and no plan shows the whole deck', async () => {
    const page = await deck.browser.newPage({
      viewport: { width: 1280, height: 720 },
      reducedMotion: 'reduce',
      locale: 'nl-NL',
    });
    await page.goto(`${deck.url}?plan=hele-dag#/agenda`);
    await page.waitForSelector('.reveal.ready');
    await page.screenshot({ path: join(screenshotDir('plan'), 'agenda-hele-dag.png') });
    const overflow = await page.$eval('section#agenda', (slide) => slide.scrollHeight - slide.clientHeight);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.goto(deck.url);
    await page.reload();
    await page.waitForSelector('.reveal.ready');
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const built = (html.match(/<section class="stack"/g) ?? []).length;
    expect(await page.locator('.reveal .slides > section').count()).toBe(built);
    await page.close();
  });
});
