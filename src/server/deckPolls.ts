import type { Deck, Poll } from '../shared/deck.ts';

/** Every poll of the deck, in the order of the slides (a case follows the block it belongs after). */
function pollsInDeckOrder(deck: Deck): Poll[] {
  const placed = new Set(deck.blocks.map((block) => block.number));
  const casesAfter = (number: number | null) =>
    deck.cases
      .filter((story) => (number === null ? !placed.has(story.after) : story.after === number))
      .flatMap((story) => story.polls);
  return [
    ...deck.opening.flatMap((section) => section.polls),
    ...deck.blocks.flatMap((block) => [...block.polls, ...casesAfter(block.number)]),
    ...casesAfter(null),
    ...deck.closing.flatMap((section) => section.polls),
    // A plan's own slides (its reflection) have polls of their own; the deck's polls on them come once.
    ...deck.plans.flatMap((plan) => plan.slides.flatMap((section) => section.polls)),
  ].filter((poll, k, all) => all.findIndex((other) => other.id === poll.id) === k);
}

/**
 * The polls the server accepts votes for. Follows the deck it is given: `npm run dev` swaps in a new
 * deck when a slide file changes, `npm start` keeps the one from dist/deck.json.
 */
export class PollCatalog {
  private deck: Deck | null = null;
  private byId = new Map<string, Poll>();
  private ordered: Poll[] = [];

  constructor(deck: Deck | null = null) {
    if (deck) this.setDeck(deck);
  }

  setDeck(deck: Deck): void {
    if (deck === this.deck) return;
    this.deck = deck;
    this.ordered = pollsInDeckOrder(deck);
    this.byId = new Map(this.ordered.map((poll) => [poll.id, poll]));
  }

  /** Whether the deck has a case with this slug (a group exercise's countdown names it). */
  hasCase(slug: string): boolean {
    return this.deck?.cases.some((story) => story.slug === slug) ?? false;
  }

  find(id: string): Poll | undefined {
    return this.byId.get(id);
  }

  all(): readonly Poll[] {
    return this.ordered;
  }
}
