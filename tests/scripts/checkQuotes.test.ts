import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkQuotes, deckQuotes, type DeckQuote } from '../../scripts/quotes/checkQuotes.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';
import { SOURCE_TEXT } from '../helpers/source.ts';

// The project's own quote check (npm run check:quotes), on a small made-up source page and on the guide.

const FIXTURE = readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'quotes', 'source.txt'), 'utf8');
const quote = (text: string, speaker: string, where = 'block 1'): DeckQuote => ({ where, text, speaker });
const reasons = (source: string, quotes: DeckQuote[]) => checkQuotes(source, quotes).map((f) => f.reason);

describe('the quote check on a small source page', () => {
  const verbatim = quote(
    'In de training hebben we sollicitatiegesprekken geoefend. De docent gaf tips. Daarna wist ik beter wat ik moest zeggen en wanneer ik moest luisteren naar de werkgever.',
    'Deelnemer',
  );

  test('passes a verbatim quote, with the hyphenation at a line end joined', () => {
    expect(reasons(FIXTURE, [verbatim])).toEqual([]);
  });

  test('fails a quote with one word changed', () => {
    const changed = { ...verbatim, text: verbatim.text.replace('De docent gaf tips', 'De coach gaf tips') };
    expect(reasons(FIXTURE, [changed])).toEqual([
      'niet letterlijk in de bron: "In de training hebben we sollicitatiegesprekken geoefend. De"',
    ]);
  });

  test('fails a quote under another speaker role than the source gives it', () => {
    expect(reasons(FIXTURE, [{ ...verbatim, speaker: 'Werkgever' }])).toEqual([
      'de bron geeft dit citaat als Deelnemer, niet als Werkgever',
    ]);
  });

  test('passes a quote shortened with (…), and fails one whose parts are out of order', () => {
    const shortened = quote(
      'In de training hebben we sollicitatiegesprekken geoefend. (…) Daarna wist ik beter wat ik moest zeggen (…).',
      'Deelnemer',
    );
    expect(reasons(FIXTURE, [shortened])).toEqual([]);
    const swapped = quote('Daarna wist ik beter wat ik moest zeggen (…) De docent gaf tips.', 'Deelnemer');
    expect(reasons(FIXTURE, [swapped])).toEqual([
      'de delen rond (…) staan niet in deze volgorde dicht bij elkaar in de bron',
    ]);
  });

  test('passes a quote cut at a column break and rejoined, with the speaker of its group', () => {
    const rejoined = quote(
      'Mijn coach zei dat het belangrijk is om vragen te stellen, en dat vond ik eerst goed om te weten hoe dat hier werkt. Dat heb ik geleerd.',
      'Deelnemer',
    );
    const after = quote('Een tweede citaat van dezelfde groep, dat na de kolombreuk staat.', 'Deelnemer');
    expect(reasons(FIXTURE, [rejoined, after])).toEqual([]);
    expect(reasons(FIXTURE, [{ ...after, speaker: 'Werkgever' }])).toEqual([
      'de bron geeft dit citaat als Deelnemer, niet als Werkgever',
    ]);
  });

  test('fails a quote in another block than the source puts it, and a quote too short to check', () => {
    const elsewhere = quote('Ik wil graag als elektromonteur werken, zoals in mijn eigen land.', 'Deelnemer VIP');
    expect(reasons(FIXTURE, [elsewhere])).toEqual(['staat in de bron bij block 2, niet bij block 1']);
    expect(reasons(FIXTURE, [{ ...elsewhere, where: 'block 2' }])).toEqual([]);
    expect(reasons(FIXTURE, [quote('De docent gaf tips.', 'Deelnemer')])).toEqual(['te kort voor een citaat']);
  });
});

describe('the quote check on the guide', () => {
  const deck = JSON.parse(readFileSync(join(PROJECT_ROOT, 'tests', 'fixtures', 'quotes', 'guide-quotes.json'), 'utf8'));
  const quotes = deckQuotes(deck);

  test('passes the three quotes the PDF cut at a column break', () => {
    expect(quotes).toHaveLength(3);
    expect(reasons(SOURCE_TEXT, quotes)).toEqual([]);
  });

  test('fails each of them with one word changed', () => {
    for (const q of quotes) {
      const changed = { ...q, text: q.text.replace(/ het /, ' een ') };
      expect(changed.text).not.toBe(q.text);
      expect(reasons(SOURCE_TEXT, [changed]), q.text).toHaveLength(1);
    }
  });
});
