import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, screenshotDir, useStaticDeck } from '../helpers/browser.ts';
import { overflowOfSlide } from '../helpers/deckPages.ts';

interface SlideReport {
  id: string;
  /** How far the content sticks out of the 1280x720 slide box, in slide pixels. */
  overflow: { x: number; y: number };
}

/** The slide on screen, and whether anything on it reaches past the slide's edges. */
async function currentSlide(page: Page): Promise<SlideReport> {
  const id = await page.$eval('.reveal .slides section.present:not(.stack)', (slide) => slide.id);
  return { id, overflow: await overflowOfSlide(page) };
}

describeInBrowser('the built deck in Chromium', () => {
  const deck = useStaticDeck();

  test('every slide is reachable with the keyboard, fits 1280x720 and loads nothing from elsewhere', async () => {
    const page = await deck.browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') {
        problems.push(`request to another host: ${request.url()}`);
      }
    });

    await page.goto(deck.url);
    await page.waitForSelector('.reveal.ready');
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    const allIds = await page.$$eval('.reveal .slides section:not(.stack)', (slides) => slides.map((s) => s.id));
    expect(allIds.length).toBeGreaterThan(1);

    const dir = screenshotDir('deck');
    const visited: SlideReport[] = [];
    for (let step = 0; step <= allIds.length; step++) {
      const report = await currentSlide(page);
      if (visited.some((v) => v.id === report.id)) break;
      visited.push(report);
      await page.screenshot({ path: join(dir, `${String(visited.length).padStart(3, '0')}-${report.id}.png`) });
      await page.keyboard.press('Space');
      await page
        .waitForFunction((id) => document.querySelector('.reveal section.present:not(.stack)')?.id !== id, report.id, {
          timeout: 2000,
        })
        .catch(() => undefined);
    }

    expect(visited.map((v) => v.id)).toEqual(allIds);
    const overflowing = visited.filter((v) => v.overflow.x > 1 || v.overflow.y > 1);
    expect(overflowing, 'slides whose content reaches past 1280x720').toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
