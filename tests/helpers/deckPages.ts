import { createServer } from 'node:net';
import type { Page } from 'playwright-core';
import type { Poll } from '../../src/shared/deck.ts';

// What the browser tests of the deck share: a port to name before a poll server starts, a watch on
// what must not happen on a page, finding and moving the deck to a slide, waiting for its count of
// answers, and measuring whether a slide overflows. On the console they work on its stage (the slide
// as the room sees it), which comes before the still copy of the next slide.

/** A free port on 127.0.0.1, so PUBLIC_URL (the base of the QR links) can name it before the start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Collects what must not happen on a page: console errors, page errors, failed requests. */
export function watchProblems(page: Page, name: string, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${name} console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${name} page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    // A download the test reads itself is not a failure; anything else is.
    if (!request.url().startsWith('blob:')) problems.push(`${name} failed request: ${request.url()}`);
  });
}

/** Shows a slide the way a presenter's deep link does; reveal then reports `slidechanged`. */
export async function goToSlide(page: Page, id: string): Promise<void> {
  await page.evaluate((slide) => (window.location.hash = `#/${slide}`), id);
  await page.waitForFunction(
    (slide) => document.querySelector('.reveal section.present:not(.stack)')?.id === slide,
    id,
  );
}

/** The id of the slide that holds a poll. */
export function slideOf(page: Page, poll: Poll): Promise<string> {
  return page.$eval(`.poll[data-poll-id="${poll.id}"]`, (element) => element.closest('section')?.id ?? '');
}

/**
 * Waits until the slide says `voters` of the `of` connected people answered, and returns how long that
 * took after `since`.
 */
export async function slideCounts(
  page: Page,
  slide: string,
  voters: number,
  { of = 3, since = Date.now() }: { of?: number; since?: number } = {},
): Promise<number> {
  const text = voters === 1 ? `1 van ${of} heeft geantwoord` : `${voters} van ${of} hebben geantwoord`;
  await page.waitForFunction(
    ([id, expected]) => document.querySelector(`#${id} .poll-answered`)?.textContent === expected,
    [slide, text] as const,
  );
  return Date.now() - since;
}

/** How far the slide on screen reaches past its 1280x720 box, in slide pixels. */
export function overflowOfSlide(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('.reveal .slides section.present:not(.stack)');
    if (!slide) throw new Error('no slide is shown');
    const box = slide.getBoundingClientRect();
    const scale = box.width / slide.offsetWidth || 1;
    let right = 0;
    let bottom = 0;
    for (const element of slide.querySelectorAll<HTMLElement>('*')) {
      if (element.closest('aside.notes, .visually-hidden')) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      right = Math.max(right, (rect.right - box.left) / scale);
      bottom = Math.max(bottom, (rect.bottom - box.top) / scale);
    }
    return { x: Math.max(0, right - slide.offsetWidth), y: Math.max(0, bottom - slide.offsetHeight) };
  });
}

/**
 * The slides of the whole deck in a built page: every `section` that is not a vertical stack, before
 * the template with the parts only a plan shows.
 */
export function countSlides(html: string): number {
  const end = html.indexOf('<template id="deck-plan-parts">');
  return [...html.slice(0, end < 0 ? undefined : end).matchAll(/<section\b([^>]*)>/g)].filter(
    (match) => !/\bclass="(?:[^"]*\s)?stack(?:\s[^"]*)?"/.test(match[1] ?? ''),
  ).length;
}
