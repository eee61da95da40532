import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { deckPolls, type Deck, type Poll, type PollType } from '../../src/shared/deck.ts';
import { LIMITS } from '../../src/shared/protocolLimits.ts';
import { describeInBrowser, screenshotDir, useStaticDeck } from '../helpers/browser.ts';
import { goToSlide, overflowOfSlide, slideOf, watchProblems } from '../helpers/deckPages.ts';
import { DIST } from '../helpers/serveDist.ts';

// Every poll type answered in the self-study deck (a static host, no poll server): the same answer form
// as the phone's, told back, kept in the browser over a reload. One screenshot per type and width.

const shots = screenshotDir('selfStudyForms');
const deck = JSON.parse(readFileSync(join(process.env.DECK_DIST ?? DIST, 'deck.json'), 'utf8')) as Deck;

const pollOf = (type: PollType): Poll => {
  const poll = deckPolls(deck).find((candidate) => candidate.type === type);
  if (!poll) throw new Error(`the deck has no ${type} poll`);
  return poll;
};

/** What the form of each type holds, as the phone's form has it. */
const CONTROLS: Record<PollType, (poll: Poll) => Record<string, number>> = {
  single: (poll) => ({ 'input[type="radio"]': poll.options.length, 'legend.visually-hidden': 1 }),
  multiple: (poll) => ({ 'input[type="checkbox"]': poll.options.length }),
  scale: (poll) => ({ 'input[type="radio"]': poll.options.length, '.point .visually-hidden': 2 }),
  wordcloud: () => ({ [`input[type="text"][maxlength="${LIMITS.wordChars}"]`]: 1 }),
  open: () => ({ [`textarea[maxlength="${LIMITS.openChars}"]`]: 1 }),
  ranking: (poll) => ({
    [`button[aria-label="Hoger: ${poll.options[1]}"]`]: 1,
    'button.move': poll.options.length * 2,
  }),
  group: () => ({ [`input[maxlength="${LIMITS.groupChars}"]`]: 1, textarea: 1 }),
};

describeInBrowser('self-study: each poll type answered on its slide', () => {
  const site = useStaticDeck();

  test.each([
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ])('at $width px: a group answer, an open answer and a word are saved and come back', async (viewport) => {
    const context = await site.browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const problems: string[] = [];
    watchProblems(page, 'self-study', problems);
    await page.goto(site.url);
    await page.waitForSelector('.reveal.ready');
    const reading = viewport.width <= 435;

    const group = pollOf('group');
    const open = pollOf('open');
    const slide = await slideOf(page, group);
    const section = page.locator(`#${slide}`);
    if (!reading) await goToSlide(page, slide);
    else await section.scrollIntoViewIfNeeded();
    await section.getByLabel('Naam van jullie groep').fill('Tafel 3');
    await section.getByLabel('Jullie antwoorden').fill('Eerst de taal, dan werk.');
    await section.getByRole('button', { name: 'Bewaar' }).click();
    await expect
      .poll(() => section.locator('.poll-saved').textContent())
      .toBe('Antwoord van Tafel 3: „Eerst de taal, dan werk.”');
    if (!reading) expect(await overflowOfSlide(page)).toEqual({ x: 0, y: 0 });
    await page.screenshot({ path: join(shots, `group-${viewport.width}.png`) });

    // A group answer without the group's name is not saved, and the form says what is missing.
    const openSlide = page.locator(`#${await slideOf(page, open)}`);
    if (!reading) await goToSlide(page, await slideOf(page, open));
    else await openSlide.scrollIntoViewIfNeeded();
    await openSlide.locator('textarea').fill('Hoe begin ik?');
    await openSlide.getByRole('button', { name: 'Bewaar' }).click();
    await expect.poll(() => openSlide.locator('.poll-saved').textContent()).toBe('Jouw antwoord: „Hoe begin ik?”');
    await page.screenshot({ path: join(shots, `open-${viewport.width}.png`) });

    await page.reload();
    await page.waitForSelector('.reveal.ready');
    expect(await section.locator('.poll-saved').textContent()).toBe('Antwoord van Tafel 3: „Eerst de taal, dan werk.”');
    expect(await section.getByLabel('Naam van jullie groep').inputValue()).toBe('Tafel 3');
    expect(await openSlide.locator('textarea').inputValue()).toBe('Hoe begin ik?');
    expect(problems).toEqual([]);
    await context.close();
  });

  test.each(['single', 'multiple', 'scale', 'wordcloud', 'open', 'ranking', 'group'] as const)(
    'a %s poll at 1280 and 390 px, as it looks',
    async (type) => {
      const poll = pollOf(type);
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 390, height: 844 },
      ]) {
        const context = await site.browser.newContext({ viewport, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await page.goto(site.url);
        await page.waitForSelector('.reveal.ready');
        const id = await slideOf(page, poll);
        if (viewport.width > 435) await goToSlide(page, id);
        const section = page.locator(`#${id}`);
        await section.scrollIntoViewIfNeeded();
        for (const [selector, count] of Object.entries(CONTROLS[type](poll))) {
          expect(await section.locator(`form.poll-form ${selector}`).count(), selector).toBe(count);
        }
        if (viewport.width > 435) expect(await overflowOfSlide(page)).toEqual({ x: 0, y: 0 });
        await (viewport.width > 435 ? page : section).screenshot({
          path: join(shots, `look-${type}-${viewport.width}.png`),
        });
        await context.close();
      }
    },
  );
});
