import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInBrowser, launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { serveDist } from '../helpers/serveDist.ts';

// The deck on a phone (390x844, an iPhone 12 to 15): reveal's scroll view, laid out by
// src/deck/theme/reading.css and src/deck/readingView.ts as one page to read.

const PHONE = { width: 390, height: 844 };

interface Layout {
  scrollView: boolean;
  /** The widths the page scrolls to: the document, and the body that scrolls in the scroll view. */
  documentWidth: number;
  bodyWidth: number;
  /** Elements in the slides that reach past the screen's left or right edge. */
  outside: string[];
  /** Visible text smaller than 16 pixels, with its size. */
  small: string[];
  slides: number;
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate((width) => {
    const slides = document.querySelector('.reveal .slides');
    const outside: string[] = [];
    const small: string[] = [];
    if (slides) {
      for (const element of slides.querySelectorAll<HTMLElement>('*')) {
        if (element.closest('.visually-hidden, aside.notes')) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const name = `${element.closest('section')?.id ?? '?'} ${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}`;
        if (box.left < -0.5 || box.right > width + 0.5) outside.push(`${name} (${box.left}–${box.right})`);
        const hasText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent?.trim());
        const size = parseFloat(getComputedStyle(element).fontSize);
        if (hasText && size < 16) small.push(`${name}: ${size}px`);
      }
    }
    return {
      scrollView: document.body.classList.contains('reveal-scroll'),
      documentWidth: document.scrollingElement?.scrollWidth ?? 0,
      bodyWidth: document.body.scrollWidth,
      outside,
      small: [...new Set(small)],
      slides: document.querySelectorAll('.reveal .slides section').length,
    };
  }, PHONE.width);
}

/** Where the slide's top edge is on the screen (0: at the top). */
function slideTop(page: Page, id: string): Promise<number> {
  return page.$eval(`section#${id}`, (slide) => slide.getBoundingClientRect().top);
}

describeInBrowser('the deck on a phone', () => {
  let browser: Browser;
  let context: BrowserContext;
  let server: Awaited<ReturnType<typeof serveDist>>;
  const problems: string[] = [];
  const dir = screenshotDir('reading');

  beforeAll(async () => {
    server = await serveDist();
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      reducedMotion: 'reduce',
    });
    context.on('page', (page) => {
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.hostname !== '127.0.0.1' && url.protocol !== 'data:') problems.push(`request to elsewhere: ${url}`);
      });
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('.reveal.ready');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return page;
  }

  test('reads as one page: every slide, no sideways scrolling, no text under 16 pixels', async () => {
    const page = await open('#/maatwerk');
    const layout = await measure(page);
    expect(layout.scrollView).toBe(true);
    expect(layout.documentWidth).toBeLessThanOrEqual(PHONE.width);
    expect(layout.bodyWidth).toBeLessThanOrEqual(PHONE.width);
    expect(layout.outside, 'elements past the edge of the screen').toEqual([]);
    expect(layout.small, 'text smaller than 16px').toEqual([]);

    // The slides follow each other at their own height: none is cut off or laid over another.
    const boxes = await page.$$eval('.reveal .slides section', (slides) =>
      slides.map((slide) => {
        const box = slide.getBoundingClientRect();
        return { id: slide.id, top: box.top, bottom: box.bottom, overflow: slide.scrollHeight - slide.clientHeight };
      }),
    );
    expect(boxes.length).toBe(layout.slides);
    expect(boxes.length).toBeGreaterThan(50);
    for (let k = 1; k < boxes.length; k++) {
      const [before, slide] = [boxes[k - 1], boxes[k]];
      expect(slide?.top, `${slide?.id} starts where ${before?.id} ends`).toBeGreaterThanOrEqual(
        (before?.bottom ?? 0) - 1,
      );
    }
    expect(
      boxes.filter((box) => box.overflow > 1).map((box) => box.id),
      'slides that cut off their content',
    ).toEqual([]);

    // The body text is at least 16 pixels.
    const body = await page.$eval('#maatwerk .summary p', (p) => parseFloat(getComputedStyle(p).fontSize));
    expect(body).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: join(dir, 'maatwerk.png') });
    await page.close();
  });

  test('a deep link scrolls to its slide, also within a plan, and the address follows the reading', async () => {
    for (const [path, id] of [
      ['#/maatwerk', 'maatwerk'],
      ['#/warme-overdracht', 'warme-overdracht'],
      ['#/casus-heba', 'casus-heba'],
      ['?plan=dagdeel#/stage', 'stage'],
      // An exercise with its case card, in a plan without the case.
      ['?plan=kennismaking#/maatwerk-opdracht', 'maatwerk-opdracht'],
    ] as const) {
      const page = await open(path);
      expect(Math.abs(await slideTop(page, id)), `${path} is at the top of the screen`).toBeLessThanOrEqual(2);
      await page.screenshot({ path: join(dir, `link-${id}.png`) });
      await page.close();
    }

    const page = await open('#/maatwerk');
    // A link on the page (here: set by hand) scrolls the same way.
    await page.evaluate(() => (window.location.hash = '#/netwerk'));
    await page.waitForFunction(
      () => Math.abs(document.getElementById('netwerk')?.getBoundingClientRect().top ?? 99) <= 2,
    );
    // Reading on: the address names the slide at the top of the screen, so a copied link opens it.
    await page.evaluate(() => {
      const slide = document.getElementById('gesprekstraining');
      if (slide) document.body.scrollTop += slide.getBoundingClientRect().top;
    });
    await page.waitForFunction(() => window.location.hash === '#/gesprekstraining');
    await page.close();
  });

  test('the polls can be answered on the phone', async () => {
    const page = await open('#/maatwerk-poll-maatwerk-nu');
    const poll = page.locator('#maatwerk-poll-maatwerk-nu');
    await poll.locator('label.point').nth(3).click();
    await expect.poll(() => poll.locator('.poll-saved').textContent()).not.toBe('');
    const ranking = page.locator('#reflectie-poll-reflectie-thema');
    await ranking.scrollIntoViewIfNeeded();
    const first = await ranking.locator('.ranking .item').first().textContent();
    await ranking.locator('.ranking li').first().locator('button').last().click();
    expect(await ranking.locator('.ranking .item').nth(1).textContent()).toBe(first);
    await page.screenshot({ path: join(dir, 'ranking.png') });
    await page.close();
  });

  test('loads nothing from elsewhere and shows no errors', () => {
    expect(problems).toEqual([]);
  });
});
