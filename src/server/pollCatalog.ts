import { deckPolls, type Deck, type Poll } from '../shared/deck.ts';

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
    this.ordered = deckPolls(deck);
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
