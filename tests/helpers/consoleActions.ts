import type { Page } from 'playwright-core';

// What a trainer does in the presenter console, done the way a test does it: approve or reject a
// waiting answer in the moderation list, and start a new round of the poll on screen.

const item = (page: Page, state: 'waiting' | 'approved', text: string) =>
  page.locator(`.console-moderation li.${state}`, { hasText: text });

/** Approves the waiting answer with this text; returns when the console lists it as on the screen. */
export async function approveAnswer(page: Page, text: string): Promise<void> {
  await item(page, 'waiting', text).getByRole('button', { name: 'Goedkeuren' }).click();
  await item(page, 'approved', text).waitFor();
}

/** Rejects the waiting answer with this text (Afwijzen); returns when it has left the moderation list. */
export async function rejectAnswer(page: Page, text: string): Promise<void> {
  const answer = item(page, 'waiting', text);
  await answer.getByRole('button', { name: 'Afwijzen' }).click();
  await answer.waitFor({ state: 'detached' });
}

/** Starts round `round` of the poll on the slide with W, confirmed in the dialog. */
export async function newRound(page: Page, slide: string, round: number): Promise<void> {
  await page.keyboard.press('w');
  await page.getByRole('dialog', { name: 'Nieuwe ronde starten?' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(([id, text]) => document.querySelector(`#${id} .poll-round`)?.textContent === text, [
    slide,
    `Ronde ${round}`,
  ] as const);
}
