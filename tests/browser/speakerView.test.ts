import { join } from 'node:path';
import { expect, test } from 'vitest';
import { describeInBrowser, screenshotDir, useStaticDeck } from '../helpers/browser.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';

// The speaker view (press S): reveal's notes plugin writes an English page into a new window; the
// deck puts Dutch labels in it (src/deck/speakerViewLabels.ts).

describeInBrowser('the speaker view', () => {
  const deck = useStaticDeck();

  test('opens with S and speaks Dutch', async () => {
    const context = await deck.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${deck.url}#/maatwerk`);
    await page.waitForSelector('.reveal.ready');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForSelector('#upcoming-slide > .label');
    await popup.waitForFunction(() => document.querySelector('#upcoming-slide > .label')?.textContent === 'Hierna');

    expect(await popup.getAttribute('html', 'lang')).toBe('nl');
    expect(await popup.title()).toBe('Sprekersweergave');
    expect(await popup.textContent('.speaker-controls-time > h4.label')).toBe('Tijd Klik om opnieuw te beginnen');
    expect(await popup.textContent('.pacing-title')).toBe('Tempo – tijd over voor deze slide');
    expect(await popup.textContent('.speaker-controls-notes > .label')).toBe('Aantekeningen');
    expect(
      await popup.$$eval('.speaker-layout-dropdown option', (options) => options.map((o) => o.textContent)),
    ).toEqual(['Standaard', 'Breed', 'Hoog', 'Alleen aantekeningen']);
    expect(await popup.textContent('.speaker-layout-label')).toBe('Weergave: Standaard');

    // Texts the speaker view sets later stay Dutch: the layout it is switched to, and the clock.
    await popup.selectOption('.speaker-layout-dropdown', 'wide');
    await popup.waitForFunction(
      () => document.querySelector('.speaker-layout-label')?.textContent === 'Weergave: Breed',
    );
    await popup.waitForFunction(() => /^\d{2}:\d{2}$/.test(document.querySelector('.clock-value')?.textContent ?? ''));
    // The notes of the slide are there, so the view is connected to the deck.
    await popup.waitForFunction(
      () => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').length > 0,
    );
    expect(await popup.innerText('body')).not.toMatch(/\b(?:Upcoming|Click to Reset|Pacing|Layout)\b/);
    await popup.screenshot({ path: join(screenshotDir('speaker-view'), 'speaker-view.png') });
    await context.close();
  });
});

describeInBrowser('the speaker view under the poll server', () => {
  // Cross-Origin-Opener-Policy: same-origin and the strict script policy come from `npm start` only;
  // the speaker window is about:blank, written by the deck, and talks to it with postMessage.
  const deck = useStaticDeck();
  const server = useLivePollServer();

  test('opens and follows the deck with the headers of npm start', async () => {
    const context = await deck.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/#/maatwerk`);
    expect(await response?.headerValue('cross-origin-opener-policy')).toBe('same-origin');
    await page.waitForSelector('.reveal.ready');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('s')]);
    await popup.waitForFunction(
      () => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').length > 0,
    );
    const notes = () => popup.textContent('.speaker-controls-notes .value');
    const before = await notes();
    await page.keyboard.press('ArrowRight');
    await expect.poll(notes).not.toBe(before);
    await context.close();
  });
});
