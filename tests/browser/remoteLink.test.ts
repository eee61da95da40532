import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInBrowser, launchBrowser } from '../helpers/browser.ts';
import { goToSlide, watchProblems } from '../helpers/deckPages.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';

// The remote-control link from the console's Trainer menu, end to end: the console on a server whose join
// address is plain http on a shared network (PUBLIC_URL), so the menu warns; the link carries the remote
// token (not the key) to the console on a phone (`?remote`), which wipes it from the address bar, still
// works after a reload, approves an answer the console then shows as approved, moves the slides, downloads
// the results with it, and "Nieuwe link maken" cuts the old link off.

interface StoredRoom {
  room: string;
  key: string;
  remote?: string;
}

describeInBrowser('the remote-control link from the Trainer menu', () => {
  // 192.0.2.10 (a documentation address): the QR codes name an address on a network others share.
  const server = useLivePollServer({ publicUrl: 'http://192.0.2.10:8080' });
  let browser: Browser;
  let deck: Page;
  const problems: string[] = [];

  const storedRoom = async (): Promise<StoredRoom> =>
    JSON.parse((await deck.evaluate(() => localStorage.getItem('deck-presenter-room'))) ?? '{}') as StoredRoom;

  const openMenu = async () => {
    await deck.click('.trainer-menu-button');
    const menu = deck.getByRole('dialog', { name: 'Trainersmenu' });
    await menu.waitFor();
    return menu;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    deck = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    watchProblems(deck, 'console', problems);
    await deck.goto(`${server.url}/#/welkom`);
    await deck.waitForSelector('#welkom .join-panel.has-room');
  });
  afterAll(async () => {
    await browser?.close();
  });

  test('the menu warns that the link would travel unencrypted, then shows a QR code with a remote token', async () => {
    const menu = await openMenu();
    expect(await menu.locator('.control-warning').textContent()).toContain('niet beveiligd (http)');
    await menu.getByRole('button', { name: 'Bediening op telefoon' }).click();
    await menu.locator('.control-qr .qr-code').waitFor();
    const stored = await storedRoom();
    expect(stored.remote).toMatch(/^[\w-]{32}$/);
    expect(stored.remote).not.toBe(stored.key);
    await deck.keyboard.press('Escape');
  });

  test('the remote wipes the token from the address bar, keeps working after a reload, approves, moves, downloads, and stops with a new link', async () => {
    const { room, remote } = await storedRoom();
    const phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' })
    ).newPage();
    watchProblems(phone, 'remote', problems);
    await phone.goto(`${server.url}/?remote#room=${room}&token=${remote ?? ''}`);
    await phone.locator('.console-people').first().waitFor({ timeout: 10_000 });
    expect(phone.url()).toMatch(new RegExp(`^${server.url}/\\?remote(#/[\\w-]*)?$`));
    expect(phone.url()).not.toContain(remote ?? '');
    await phone.reload();
    await phone.locator('.console-people').first().waitFor({ timeout: 10_000 });
    expect(phone.url()).not.toContain(remote ?? '');

    // An open answer from a participant: the remote approves it, the console shows it approved.
    const poll = await deck.$eval('.poll[data-poll-id]', (element) => ({
      id: (element as HTMLElement).dataset.pollId ?? '',
      slide: element.closest('section')?.id ?? '',
    }));
    const open = await deck.$$eval('.poll[data-poll]', (elements) =>
      elements
        .map(
          (element) =>
            JSON.parse((element as HTMLElement).dataset.poll ?? '{}') as {
              id: string;
              type: string;
              moderation?: string;
            },
        )
        .find((p) => p.type === 'open' && p.moderation === 'approve'),
    );
    expect(poll.id).not.toBe('');
    const openSlide = await deck.$eval(`.poll[data-poll-id="${open?.id}"]`, (e) => e.closest('section')?.id ?? '');
    await goToSlide(deck, openSlide);
    await phone.locator('.console-question').waitFor();
    const participant = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' })
    ).newPage();
    await participant.goto(`${server.url}/${room}`);
    await participant.locator('textarea').fill('Een antwoord voor de afstandsbediening');
    await participant.getByRole('button', { name: 'Verstuur' }).click();
    const onRemote = phone.locator('.console-moderation li', { hasText: 'Een antwoord voor de afstandsbediening' });
    await onRemote.getByRole('button', { name: 'Goedkeuren' }).click({ timeout: 10_000 });
    await deck
      .locator('.console-moderation li.approved', { hasText: 'Een antwoord voor de afstandsbediening' })
      .waitFor({ timeout: 10_000 });
    await deck.locator(`#${openSlide} .answer-wall li`).waitFor();
    // And rejects one: it leaves the queue on the remote and on the console.
    await participant.getByRole('button', { name: 'Antwoord veranderen' }).click();
    await participant.locator('textarea').fill('Een antwoord dat weg moet');
    await participant.getByRole('button', { name: 'Verstuur' }).click();
    const rejected = (page: Page) => page.locator('.console-moderation li', { hasText: 'Een antwoord dat weg moet' });
    await rejected(phone).getByRole('button', { name: 'Afwijzen' }).click({ timeout: 10_000 });
    await rejected(phone).waitFor({ state: 'detached', timeout: 10_000 });
    await rejected(deck).waitFor({ state: 'detached', timeout: 10_000 });
    expect(await deck.locator(`#${openSlide} .answer-wall`).textContent()).not.toContain('Een antwoord dat weg moet');
    await participant.context().close();

    // Next on the phone moves the console (and so the audience view) on.
    await phone.getByRole('button', { name: 'Volgende' }).click();
    await expect
      .poll(() => deck.evaluate(() => document.querySelector('.reveal section.present:not(.stack)')?.id))
      .not.toBe(openSlide);

    // The remote downloads the results with its token, as the console does with the key.
    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('button', { name: 'Download CSV (Excel)' }).click(),
    ]);
    expect(readFileSync((await download.path()) ?? '', 'utf8').charCodeAt(0)).toBe(0xfeff);
    // And the session report, the same download as in the Trainer menu.
    const [report] = await Promise.all([
      phone.waitForEvent('download'),
      phone.getByRole('button', { name: /^Verslag/ }).click(),
    ]);
    expect(report.suggestedFilename()).toMatch(new RegExp(`^verslag-${room}-`));
    expect(readFileSync((await report.path()) ?? '', 'utf8')).toMatch(/^<!doctype html>/);

    const menu = await openMenu();
    await menu.getByRole('button', { name: 'Bediening op telefoon' }).click();
    await menu.getByRole('button', { name: 'Nieuwe link maken' }).click();
    await expect.poll(async () => (await storedRoom()).remote).not.toBe(remote);
    await expect
      .poll(() => phone.locator('.console-message p').first().textContent(), { timeout: 10_000 })
      .toContain('Deze link werkt niet (meer)');
    await deck.keyboard.press('Escape');
    // The server cut the old remote off: its socket closed, the reconnect was refused.
    expect(problems.filter((problem) => !/remote (console error|failed request).*\/ws/.test(problem))).toEqual([]);
  });
});
