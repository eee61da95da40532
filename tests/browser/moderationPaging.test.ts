import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Deck, Poll } from '../../src/shared/deck.ts';
import { ANSWER_PAGE } from '../../src/shared/protocol.ts';
import { describeInBrowser, launchBrowser } from '../helpers/browser.ts';
import { watchProblems } from '../helpers/deckPages.ts';
import { useLivePollServer } from '../helpers/livePollServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST } from '../helpers/serveDist.ts';

// The moderation list in the presenter console when more answers wait than one results message carries:
// it lists the newest page, says how many there are, and loads the earlier ones on request. And a word
// taken off a word cloud from the console stays off.

const WAITING = ANSWER_PAGE + 12;

function builtPoll(fits: (poll: Poll) => boolean, what: string): Poll {
  const deck = JSON.parse(readFileSync(join(DIST, 'deck.json'), 'utf8')) as Deck;
  const poll = [...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing]
    .flatMap((part) => part.polls)
    .find(fits);
  if (!poll) throw new Error(`the deck has no ${what} poll to test with`);
  return poll;
}

async function openSlide(page: Page, url: string, poll: Poll): Promise<{ slide: string; room: string }> {
  await page.goto(url);
  const slide = await page.$eval(`.poll[data-poll-id="${poll.id}"]`, (element) => element.closest('section')?.id ?? '');
  await page.goto(`${url}/#/${slide}`);
  await page.waitForSelector(`#${slide} .join-panel.has-room .qr-code`);
  const link = (await page.getAttribute(`#${slide} .join-link`, 'href')) ?? '';
  return { slide, room: link.split('/').at(-1) ?? '' };
}

describeInBrowser('moderation in the console', () => {
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const phones: PollClient[] = [];
  const live = useLivePollServer();

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    page = await context.newPage();
    watchProblems(page, 'presenter', problems);
  });
  afterAll(async () => {
    for (const phone of phones) phone.close();
    await browser?.close();
  });

  test('lists the newest waiting answers, says how many wait, and loads the earlier ones', async () => {
    const poll = builtPoll((p) => p.type === 'open' && p.moderation === 'approve' && !p.hidden, 'moderated open');
    const { slide, room } = await openSlide(page, live.url, poll);
    for (let k = 0; k < WAITING; k++) {
      const phone = await PollClient.participant(live.url, room);
      phones.push(phone);
      await phone.requestOk({ type: 'vote', poll: poll.id, value: `Antwoord ${k + 1}` });
    }
    await page.waitForFunction(
      (text) => document.querySelector('.console-moderation h3')?.textContent === text,
      `Antwoorden (${WAITING})`,
    );
    const listed = () =>
      page.$$eval('.console-moderation li.waiting .answer-text', (items) => items.map((i) => i.textContent));
    await expect.poll(async () => (await listed()).length).toBe(ANSWER_PAGE);
    expect((await listed())[0]).toBe(`Antwoord ${WAITING - ANSWER_PAGE + 1}`);
    expect(await page.$$(`#${slide} .answer-text`)).toHaveLength(0);

    await page.getByRole('button', { name: `Eerdere antwoorden laden (${WAITING - ANSWER_PAGE} meer)` }).click();
    await expect.poll(async () => (await listed()).length).toBe(WAITING);
    expect(await listed()).toEqual(Array.from({ length: WAITING }, (_, k) => `Antwoord ${k + 1}`));
    expect(await page.getByRole('button', { name: /Eerdere antwoorden laden/ }).count()).toBe(0);

    // An earlier answer approved from the list goes on the wall.
    await page.click('.console-moderation li.waiting:first-child button');
    await page.waitForSelector(`#${slide} .answer-wall li`);
    expect(await page.textContent(`#${slide} .answer-wall li .answer-text`)).toBe('Antwoord 1');
    await expect.poll(async () => (await listed()).length).toBe(WAITING - 1);
    expect(await page.textContent('.console-moderation li.approved .answer-text')).toBe('Antwoord 1');
    expect(problems).toEqual([]);
  });

  test('takes a word off the word cloud, and it stays off when it is sent again', async () => {
    const poll = builtPoll((p) => p.type === 'wordcloud' && !p.hidden, 'word cloud');
    const { slide, room } = await openSlide(page, live.url, poll);
    const send = async (word: string) => {
      const phone = await PollClient.participant(live.url, room);
      phones.push(phone);
      await phone.requestOk({ type: 'vote', poll: poll.id, value: word });
    };
    await send('Taal');
    await send('Werk');
    const words = () => page.$$eval(`#${slide} .word-cloud .word`, (items) => items.map((i) => i.textContent).sort());
    await page.waitForFunction((id) => document.querySelectorAll(`#${id} .word-cloud li`).length === 2, slide);

    await page
      .locator('.console-moderation li', { hasText: 'taal (1×)' })
      .getByRole('button', { name: 'Weghalen' })
      .click();
    await page.click('dialog[open] button[value="ok"]');
    await page.waitForFunction((id) => document.querySelectorAll(`#${id} .word-cloud li`).length === 1, slide);
    expect(await words()).toEqual(['werk']);
    await send('taal!');
    await send('Stage');
    await page.waitForFunction((id) => document.querySelectorAll(`#${id} .word-cloud li`).length === 2, slide);
    expect(await words()).toEqual(['stage', 'werk']);
    expect(problems).toEqual([]);
  });
});
