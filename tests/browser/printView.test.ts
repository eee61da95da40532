import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, screenshotDir, useStaticDeck } from '../helpers/browser.ts';

// reveal's print view (`?print-pdf`, what a trainer opens to print the slides from the browser) keeps
// the theme's layout: padding around every slide, the title and break slides centred
// (src/deck/theme/print.css). `npm run export:pdf` prints the same view (tests/browser/export.test.ts).

interface SlideLayout {
  padding: string;
  display: string;
  /** Where the heading starts, from the slide's left and top edge. */
  heading: { left: number; top: number };
}

function layoutOf(page: Page, id: string): Promise<SlideLayout> {
  return page.$eval(`section#${id}`, (slide) => {
    const style = getComputedStyle(slide);
    const box = slide.getBoundingClientRect();
    // On screen reveal scales the slide to the window: measure in slide pixels.
    const scale = box.width / (slide as HTMLElement).offsetWidth || 1;
    const heading = slide.querySelector('h1, h2:not(.visually-hidden)')?.getBoundingClientRect();
    return {
      padding: style.padding,
      display: style.display,
      heading: {
        left: Math.round(((heading?.left ?? 0) - box.left) / scale),
        top: Math.round(((heading?.top ?? 0) - box.top) / scale),
      },
    };
  });
}

describeInBrowser('the print view (?print-pdf)', () => {
  const deck = useStaticDeck();

  async function open(query: string, hash = ''): Promise<Page> {
    const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await page.addInitScript(() => {
      document.addEventListener('pdf-ready', () => document.documentElement.setAttribute('data-pdf-ready', ''));
    });
    await page.goto(`${deck.url}${query}${hash}`);
    if (query.includes('print-pdf')) {
      await page.waitForSelector('html[data-pdf-ready]', { state: 'attached', timeout: 60_000 });
    } else {
      await page.waitForSelector('.reveal.ready');
    }
    return page;
  }

  test('keeps the padding and the centred title and break slides of the slide view', async () => {
    const screen = await open('?plan=dagdeel');
    // A plan's break is a slide of its own, centred.
    const pause = (await screen.getAttribute('section.break-slide', 'id')) ?? '-';
    const slides = ['welkom', 'maatwerk', 'maatwerk-bespreken', 'delen', pause];
    const onScreen = new Map<string, SlideLayout>();
    for (const id of slides) {
      await screen.evaluate((slide) => (window.location.hash = `#/${slide}`), id);
      await screen.waitForFunction(
        (slide) => document.querySelector('.reveal section.present:not(.stack)')?.id === slide,
        id,
      );
      onScreen.set(id, await layoutOf(screen, id));
    }
    await screen.close();

    const print = await open('?plan=dagdeel&print-pdf');
    const dir = screenshotDir('print');
    for (const id of slides) {
      const printed = await layoutOf(print, id);
      const shown = onScreen.get(id);
      expect(printed.padding, id).toBe('28px 48px');
      expect(printed.display, id).toBe(shown?.display);
      expect(printed.heading, `${id}: the heading stands where it stands on screen`).toEqual(shown?.heading);
      await print.locator(`.pdf-page:has(> section#${id})`).screenshot({ path: join(dir, `${id}.png`) });
    }
    expect((await layoutOf(print, 'welkom')).display).toBe('flex');
    expect((await layoutOf(print, pause)).display).toBe('flex');
    // The title slide's accent bar is on the slide only, not also on the page behind it.
    const bars = await print.$$eval(
      '.pdf-page:has(> section#welkom) *',
      (elements) => elements.filter((element) => parseFloat(getComputedStyle(element).borderLeftWidth) > 10).length,
    );
    expect(bars).toBe(1);
    await print.close();
  });
});
