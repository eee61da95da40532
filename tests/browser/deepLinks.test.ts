import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { AgendaPlan, Deck } from '../../src/shared/deck.ts';
import { describeInBrowser, launchBrowser } from '../helpers/browser.ts';
import { DIST, serveDist } from '../helpers/serveDist.ts';

// A link to a building block, a case or a closing slide (`index.html#/<slug>`) opens the deck on that
// slide: the address a trainer shares in an e-mail, or that the overview slide links to.

const dist = process.env.DECK_DIST ?? DIST;

function builtDeck(): Deck {
  return JSON.parse(readFileSync(join(dist, 'deck.json'), 'utf8')) as Deck;
}

function builtPlans(): AgendaPlan[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const json = /<script type="application\/json" id="deck-plans">(.*?)<\/script>/s.exec(html)?.[1] ?? '[]';
  return JSON.parse(json) as AgendaPlan[];
}

/** The slide reveal.js shows: the one it marks `present` (what `Reveal.getCurrentSlide()` returns). */
function currentSlide(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.querySelector('.reveal .slides section.present:not(.stack)')?.id);
}

describeInBrowser('a deep link (#/slug)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;
  let page: Page;

  beforeAll(async () => {
    server = await serveDist(dist);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<string | undefined> {
    // A fresh page load each time, as when the link is opened from an e-mail.
    await page.goto('about:blank');
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('.reveal.ready');
    return currentSlide(page);
  }

  test('opens the building block, the case or the closing slide it names', async () => {
    const deck = builtDeck();
    const blocks = [deck.blocks[0], deck.blocks[Math.floor(deck.blocks.length / 2)], deck.blocks.at(-1)];
    const slugs = [...blocks, deck.cases[0], deck.cases.at(-1), deck.closing.at(-1)].map((item) => item?.slug ?? '-');
    expect(new Set(slugs).size).toBe(6);
    for (const slug of slugs) expect(await open(`index.html#/${slug}`), slug).toBe(slug);
    // A slide inside a block's stack, such as its poll.
    const poll = deck.blocks[0]?.polls[0];
    if (poll) {
      const id = `${deck.blocks[0]?.slug}-poll-${poll.id}`;
      expect(await open(`#/${id}`)).toBe(id);
    }
  });

  test('within a plan, opens a block of that plan', async () => {
    const deck = builtDeck();
    for (const plan of builtPlans()) {
      // A block in its full (`block-3`) or its short version (`block-3-kort`).
      const numbers = plan.items.flatMap((item) => {
        const match = /^block-(\d+)(?:-kort)?$/.exec(item.part);
        return match ? [Number(match[1])] : [];
      });
      const cases = plan.items.flatMap((item) => (/^case-\d+$/.test(item.part) ? [Number(item.part.slice(5))] : []));
      const block = deck.blocks.find((b) => b.number === numbers.at(-1));
      expect(block, `a block in plan ${plan.id}`).toBeDefined();
      const slug = block?.slug ?? '-';
      expect(await open(`?plan=${plan.id}#/${slug}`), `${plan.id}: ${slug}`).toBe(slug);
      const story = deck.cases.find((c) => c.number === cases[0]);
      if (story) expect(await open(`?plan=${plan.id}#/${story.slug}`), `${plan.id}: ${story.slug}`).toBe(story.slug);
    }
  });

  test('the overview slide links to every block', async () => {
    const deck = builtDeck();
    await open('#/overzicht');
    const links = await page.$$eval('#overzicht a[href^="#/"]', (anchors) =>
      anchors.map((a) => a.getAttribute('href')),
    );
    expect(links).toEqual(deck.blocks.map((block) => `#/${block.slug}`));
    const target = deck.blocks[2]?.slug ?? '-';
    await page.click(`#overzicht a[href="#/${target}"]`);
    await page.waitForFunction(
      (id) => document.querySelector('.reveal section.present:not(.stack)')?.id === id,
      target,
    );
  });
});
