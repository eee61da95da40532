import { lineOf, readerText, sourcePages, speakerAbove, type SourcePage } from './sourceText.ts';

// The quote check: every quote on the slides is the source's own words, on the page of the block or
// case where the source puts it, under the speaker role the source gives it there.

export interface DeckQuote {
  /** `block 3` or `case 1`: where the deck shows it, named as the source's page is. */
  where: string;
  text: string;
  speaker: string;
}

export interface QuoteFailure extends DeckQuote {
  reason: string;
}

/** How far apart (in characters) two parts of a quote shortened with `(…)` may stand in the source. */
const MAX_GAP = 800;
/** A part shorter than this could be found anywhere; the whole quote must say something. */
const MIN_LETTERS = 20;

/** The parts of a quote between its `(…)` marks, without the punctuation that ends or starts a cut. */
function quoteParts(text: string): string[] {
  return text
    .split(/\(\s*…\s*\)|\[\s*…\s*\]/)
    .map((part) => readerText(part).replace(/^[\s.,;:]+|[\s,;:]+$/g, ''))
    .filter((part) => part.length > 0);
}

/** Where the parts stand in the page's reader text, in order and close together; null when they do not. */
function findParts(pageText: string, parts: string[]): number | null {
  const [first, ...rest] = parts;
  if (first === undefined) return null;
  for (let from = pageText.indexOf(first); from >= 0; from = pageText.indexOf(first, from + 1)) {
    let at = from + first.length;
    const found = rest.every((part) => {
      const next = pageText.indexOf(part, at);
      if (next < 0 || next - at > MAX_GAP) return false;
      at = next + part.length;
      return true;
    });
    if (found) return from;
  }
  return null;
}

function checkOne(pages: SourcePage[], quote: DeckQuote): string | null {
  const parts = quoteParts(quote.text);
  if (parts.join('').replace(/[^\p{L}]/gu, '').length < MIN_LETTERS) return 'te kort voor een citaat';
  const page = pages.find((p) => p.heading === quote.where);
  if (!page) return `de bron heeft geen pagina "${quote.where}"`;
  const pageText = readerText(page.readLines.join('\n'));
  if (findParts(pageText, parts) === null) {
    const elsewhere = pages.find((p) => findParts(readerText(p.readLines.join('\n')), parts) !== null);
    if (elsewhere) return `staat in de bron bij ${elsewhere.heading}, niet bij ${quote.where}`;
    const missing = parts.find((part) => !pageText.includes(part)) ?? parts[0] ?? '';
    return parts.length > 1 && !pageText.includes(missing)
      ? `niet in de bron: "${missing.slice(0, 60)}"`
      : parts.length > 1
        ? 'de delen rond (…) staan niet in deze volgorde dicht bij elkaar in de bron'
        : `niet letterlijk in de bron: "${parts[0]?.slice(0, 60)}"`;
  }
  const speaker = speakerAbove(page, lineOf(page, parts[0] ?? ''));
  if (speaker !== quote.speaker)
    return `de bron geeft dit citaat als ${speaker ?? 'zonder spreker'}, niet als ${quote.speaker}`;
  return null;
}

/** Checks every quote against the source text; the failures, each with its reason in Dutch. */
export function checkQuotes(sourceText: string, quotes: DeckQuote[]): QuoteFailure[] {
  const pages = sourcePages(sourceText);
  return quotes.flatMap((quote) => {
    const reason = checkOne(pages, quote);
    return reason === null ? [] : [{ ...quote, reason }];
  });
}

interface DeckJson {
  blocks?: { number: number; quotes?: { text: string; speaker: string }[] }[];
  cases?: { number: number; quotes?: { text: string; speaker: string }[] }[];
}

/** The quotes of a deck.json, each named by the page of the source it belongs to. */
export function deckQuotes(deck: DeckJson): DeckQuote[] {
  return [
    ...(deck.blocks ?? []).flatMap((b) => (b.quotes ?? []).map((q) => ({ where: `block ${b.number}`, ...q }))),
    ...(deck.cases ?? []).flatMap((c) => (c.quotes ?? []).map((q) => ({ where: `case ${c.number}`, ...q }))),
  ];
}
