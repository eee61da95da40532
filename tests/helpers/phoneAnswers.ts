import type { Page } from 'playwright-core';

// How a test answers the poll a phone shows: as a participant does, by tapping, typing and sending.

export type PhoneAnswer =
  | { pick: number[] }
  | { point: number }
  | { text: string }
  /** Moves on the ranking list: [option, -1 up | 1 down], then send. */
  | { moves: [number, number][] };

/** A phone answers the poll it shows, as a participant does: tap, type, send. Returns when it sent. */
export async function answerOnPhone(phone: Page, type: string, answer: PhoneAnswer): Promise<number> {
  const form = `form.poll-form.poll-${type}`;
  if ('pick' in answer) for (const k of answer.pick) await phone.check(`${form} input[value="${k}"]`);
  if ('point' in answer) await phone.check(`${form} input[value="${answer.point}"]`);
  if ('text' in answer) await phone.fill(`${form} textarea, ${form} input[type="text"]`, answer.text);
  if ('moves' in answer) {
    for (const [item, step] of answer.moves)
      await phone.click(`${form} button[data-item="${item}"][data-step="${step}"]`);
  }
  const sent = Date.now();
  await phone.click(`${form} button[type="submit"]`);
  return sent;
}
