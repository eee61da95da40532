import type { Quote } from '../../shared/deck.ts';
import { escapeHtml } from './html.ts';

// A quote slide holds at most this much, so that it reads from the back of a room at 1280x720.
const MAX_QUOTES_PER_SLIDE = 2;
const MAX_WORDS_PER_SLIDE = 110;

const words = (text: string) => text.split(/\s+/).length;

/** Shares quotes out over as few slides as fit, keeping the source's order. */
export function groupQuotes(quotes: Quote[]): Quote[][] {
  const groups: Quote[][] = [];
  for (const quote of quotes) {
    const last = groups.at(-1);
    const fits =
      last !== undefined &&
      last.length < MAX_QUOTES_PER_SLIDE &&
      last.reduce((sum, q) => sum + words(q.text), 0) + words(quote.text) <= MAX_WORDS_PER_SLIDE;
    if (fits) last.push(quote);
    else groups.push([quote]);
  }
  return groups;
}

export function renderQuote(quote: Quote): string {
  return (
    `<figure class="quote"><blockquote><p>${escapeHtml(quote.text)}</p></blockquote>` +
    `<figcaption>${escapeHtml(quote.speaker)}</figcaption></figure>`
  );
}
