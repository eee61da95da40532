import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { serveDist } from '../helpers/serveDist.ts';

interface SlideReport {
  id: string;
  /** How far the content sticks out of the 1280x720 slide box, in slide pixels. */
  overflow: { x: number; y: number };
}

/** The slide on screen, and whether anything on it reaches past the slide's edges. */
function currentSlide(page: Page): Promise<SlideReport> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('.reveal .slides section.present:not(.stack)');
    if (!slide) throw new Error('no slide is shown');
    const box = slide.getBoundingClientRect();
    // reveal scales the 1280x720 slide to the window: measure in slide pixels.
    const scale = box.width / slide.offsetWidth || 1;
    let right = 0;
    let bottom = 0;
    for (const element of slide.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('aside.notes') || element.classList.contains('visually-hidden')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      right = Math.max(right, (rect.right - box.left) / scale);
      bottom = Math.max(bottom, (rect.bottom - box.top) / scale);
    }
    return {
      id: slide.id,
      overflow: { x: Math.max(0, right - slide.offsetWidth), y: Math.max(0, bottom - slide.offsetHeight) },
    };
  });
}

describeInBrowser('the built deck in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveDist>>;

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every slide is reachable with the keyboard, fits 1280x720 and loads nothing from elsewhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
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

    await page.goto(server.url);
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
