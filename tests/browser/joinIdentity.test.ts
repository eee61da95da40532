import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Deck, Poll } from '../../src/shared/deck.ts';
import { describeInBrowser, launchBrowser } from '../helpers/browser.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST } from '../helpers/serveDist.ts';

// The phone's identity as the server issues it: kept per room, so a reload is the same participant
// with its vote; an identity the server does not take (made up, or damaged) is dropped and the phone
// joins as a new participant by itself.

const IDENTITY = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;

function singlePoll(): Poll {
  const deck = JSON.parse(readFileSync(join(DIST, 'deck.json'), 'utf8')) as Deck;
  const poll = deck.blocks.flatMap((block) => block.polls).find((p) => p.type === 'single' && !p.hidden);
  if (!poll) throw new Error('the deck has no visible single-choice poll');
  return poll;
}

describeInBrowser('the phone keeps the identity the server gave it', () => {
  let browser: Browser;
  let deckRoom: { presenter: PollClient; room: string };
  const live = useLivePollServer();
  const poll = singlePoll();

  beforeAll(async () => {
    browser = await launchBrowser();
    deckRoom = await PollClient.presenter(live.url);
    await deckRoom.presenter.requestOk({ type: 'show', poll: poll.id });
  });
  afterAll(async () => {
    deckRoom?.presenter.close();
    await browser?.close();
  });

  const stored = (page: Page) =>
    page.evaluate(
      (room) => (JSON.parse(localStorage.getItem('deck-identities') ?? '{}') as Record<string, string>)[room],
      deckRoom.room,
    );

  test('a reload is the same participant, with its vote; a forged identity is replaced', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' })).newPage();
    await page.goto(`${live.url}/${deckRoom.room}`);
    await page.getByLabel(poll.options[1] ?? '').check();
    await page.getByRole('button', { name: 'Verstuur' }).click();
    await page.locator('.confirmation').waitFor();
    const identity = await stored(page);
    expect(identity).toMatch(IDENTITY);

    await page.reload();
    await page.locator('.confirmation').waitFor();
    expect(await page.locator('.confirmation .my-answer li').allTextContents()).toEqual([poll.options[1]]);
    expect(await stored(page)).toBe(identity);

    // A damaged identity (one character of the tag changed): the server refuses it, the phone joins anew.
    const forged = `${identity?.slice(0, -1)}${identity?.endsWith('A') ? 'B' : 'A'}`;
    await page.evaluate(([room, value]) => localStorage.setItem('deck-identities', JSON.stringify({ [room]: value })), [
      deckRoom.room,
      forged,
    ] as const);
    await page.reload();
    await page.getByRole('button', { name: 'Verstuur' }).waitFor();
    const fresh = await stored(page);
    expect(fresh).toMatch(IDENTITY);
    expect(fresh).not.toBe(identity);
    expect(fresh).not.toBe(forged);
  });
});
