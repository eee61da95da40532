import type { Deck, Poll } from '../shared/deck.ts';

/** Every poll of the deck by id: the page needs the question and the options, the server sends only ids. */
export function indexPolls(
  deck: Pick<Deck, 'opening' | 'blocks' | 'cases' | 'closing'> & Partial<Pick<Deck, 'plans'>>,
): Map<string, Poll> {
  const polls = new Map<string, Poll>();
  const planSlides = (deck.plans ?? []).flatMap((plan) => plan.slides);
  for (const slide of [...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing, ...planSlides]) {
    for (const poll of slide.polls) polls.set(poll.id, poll);
  }
  return polls;
}

/** deck.json from the server that serves this page (relative, so it works under any path). */
export async function fetchPolls(): Promise<Map<string, Poll>> {
  const response = await fetch('./deck.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`deck.json: ${response.status}`);
  return indexPolls((await response.json()) as Deck);
}
