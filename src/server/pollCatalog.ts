import { agendaPlan } from '../shared/agendaPlan.ts';
import { deckPolls, type AgendaPlan, type Deck, type Poll } from '../shared/deck.ts';

/**
 * The polls the server accepts votes for. Follows the deck it is given: `npm run dev` swaps in a new
 * deck when a slide file changes, `npm start` keeps the one from dist/deck.json.
 */
export class PollCatalog {
  private deck: Deck | null = null;
  private byId = new Map<string, Poll>();
  private ordered: Poll[] = [];
  private plans = new Map<string, AgendaPlan>();

  constructor(deck: Deck | null = null) {
    if (deck) this.setDeck(deck);
  }

  setDeck(deck: Deck): void {
    if (deck === this.deck) return;
    this.deck = deck;
    this.ordered = deckPolls(deck);
    this.byId = new Map(this.ordered.map((poll) => [poll.id, poll]));
    this.plans = new Map(deck.plans.map((plan) => [plan.id, agendaPlan(plan, deck)]));
  }

  /** The deck (its title, sections and plans), for the session report; null before there is one. */
  currentDeck(): Deck | null {
    return this.deck;
  }

  /** A plan with its agenda (each part named and labelled), as the deck shows it at `?plan=id`. */
  agenda(plan: string): AgendaPlan | undefined {
    return this.plans.get(plan);
  }

  /** Whether the deck has this plan and the plan has this part (the deck sends `plan-part`). */
  hasPlanPart(plan: string, part: string): boolean {
    return this.plans.get(plan)?.items.some((item) => item.part === part) ?? false;
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
