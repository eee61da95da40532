import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { schedule } from '../../src/shared/schedule.ts';
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
    // The parts only a plan shows (short blocks, theme slides, a plan's own slides) wait in a template.
    const deckPart = html.slice(0, html.indexOf('<template id="deck-plan-parts">'));
    const built = (deckPart.match(/<section class="stack"/g) ?? []).length;
    expect(await page.locator('.reveal .slides > section').count()).toBe(built);
    await page.close();
  });

  test('a short plan shows its own frame, short blocks with case cards, and no link that leads nowhere', async () => {
    const page = await deck.browser.newPage({
      viewport: { width: 1280, height: 720 },
      reducedMotion: 'reduce',
      locale: 'nl-NL',
    });
    const shots = screenshotDir('plan');
    await page.goto(`${deck.url}?plan=kennismaking#/doelen`);
    await page.waitForSelector('.reveal.ready');
    // The plan's own learning goals.
    expect(await page.textContent('section#doelen')).toContain('Je kent drie bouwstenen');
    await page.screenshot({ path: join(shots, 'kennismaking-doelen.png') });

    // Block 1 in its short version: without the word cloud, with the short time and the case card.
    expect(await page.locator('#maatwerk-poll-maatwerk-nu').count()).toBe(1);
    expect(await page.locator('#maatwerk-poll-maatwerk-woord').count()).toBe(0);
    expect(await page.textContent('#maatwerk-opdracht .kicker')).toContain('6 minuten');
    expect(await page.textContent('#maatwerk aside.notes')).toContain('korte versie');
    expect(await page.textContent('#maatwerk-opdracht .exercise-card')).toContain('Nahom');
    // No case is in this plan: the exercise slide does not send anyone to one.
    expect(await page.locator('.case-link').count()).toBe(0);
    const dead = await page.$$eval('.reveal .slides a[href^="#/"]', (links) =>
      links.map((a) => a.getAttribute('href')?.slice(2) ?? '').filter((id) => !document.getElementById(id)),
    );
    expect(dead).toEqual([]);
    await page.goto(`${deck.url}?plan=kennismaking#/maatwerk-opdracht`);
    await page.waitForSelector('.reveal.ready');
    await page.screenshot({ path: join(shots, 'kennismaking-opdracht.png') });

    // The reflection asks only about the three blocks of this plan; the check-in and evaluation are there.
    expect(await page.locator('#reflectie-poll-reflectie-thema').count()).toBe(0);
    const options = await page.$$eval('#reflectie-poll-reflectie-thema-kennismaking .option', (labels) =>
      labels.map((l) => l.textContent?.trim()),
    );
    expect(options).toEqual([
      '1. Maatwerk in de trajecten',
      '4. Kennismaken met bedrijven',
      '7. Realistische verwachtingen scheppen voor een baan',
    ]);
    for (const id of ['check-in', 'evaluatie', 'reflectie-poll-reflectie-thema-kennismaking']) {
      await page.goto(`${deck.url}?plan=kennismaking#/${id}`);
      await page.waitForSelector('.reveal.ready');
      await page.screenshot({ path: join(shots, `kennismaking-${id}.png`) });
    }
    await page.close();
  });

  test('the whole day opens each theme with a slide of its own', async () => {
    const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await page.goto(`${deck.url}?plan=hele-dag#/thema-samenwerking`);
    await page.waitForSelector('.reveal.ready');
    const parts = await page.$$eval('.reveal .slides > section', (sections) => sections.map((s) => s.dataset.part));
    expect(parts.filter((part) => part?.startsWith('theme-'))).toEqual([
      'theme-vaardigheden',
      'theme-praktijkervaring',
      'theme-verwachtingen',
      'theme-samenwerking',
    ]);
    expect(await page.textContent('section#thema-samenwerking')).toContain(
      'Warme overdracht van traject naar gemeente',
    );
    await page.screenshot({ path: join(screenshotDir('plan'), 'hele-dag-thema.png') });
    await page.close();
  });
});
