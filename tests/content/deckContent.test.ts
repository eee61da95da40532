import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSlides } from '../../src/vite/readSlides.ts';
import type { ContentError } from '../../src/content/errors.ts';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { checkQuotes, deckQuotes } from '../../scripts/quotes/checkQuotes.ts';
import { POLL_TYPES } from '../../src/shared/deck.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';
import { normalise, SOURCE_TEXT } from '../helpers/source.ts';

// The workshop content in slides/, checked against the guide it comes from.

const { deckFile, slideFiles } = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
const deck = loadDeck(deckFile, slideFiles);

function headingText(number: number): string {
  const lines = SOURCE_TEXT.split('\n');
  const at = lines.findIndex((line) => new RegExp(`^${number}\\s+[A-Z]`).test(line));
  const heading = [lines[at]?.replace(/^\d+\s+/, '') ?? ''];
  // A heading wraps onto the lines below it, up to the first empty or indented line.
  for (let k = at + 1; k < lines.length && /^\S/.test(lines[k] ?? ''); k++) heading.push(lines[k] ?? '');
  return heading.join(' ');
}

const sentences = (text: string) => text.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0).length;

describe('the fifteen building blocks', () => {
  test('are all there, in the source order, with the source titles', () => {
    expect(deck.blocks.map((b) => b.number)).toEqual(Array.from({ length: 15 }, (_, k) => k + 1));
    for (const block of deck.blocks) expect(normalise(block.title)).toBe(normalise(headingText(block.number)));
  });

  test.each(deck.blocks.map((b) => [b.number, b] as const))('block %i has every workshop part', (_, block) => {
    expect(sentences(block.summary)).toBeGreaterThanOrEqual(2);
    expect(sentences(block.summary)).toBeLessThanOrEqual(4);
    expect(block.quotes.length).toBeGreaterThanOrEqual(2);
    expect(block.quotes.length).toBeLessThanOrEqual(4);
    expect(block.prompts.length).toBeGreaterThanOrEqual(2);
    expect(block.prompts.length).toBeLessThanOrEqual(3);
    expect(block.polls.length).toBeGreaterThanOrEqual(1);
    expect(block.exercise?.questions.length).toBeGreaterThanOrEqual(1);
    expect(block.exercise?.questions.length).toBeLessThanOrEqual(3);
    expect(block.notes).toMatch(/Doel/);
    expect(block.minutes).toBeGreaterThan(0);
  });

  test.each(deck.blocks.map((b) => [b.number, b] as const))(
    'block %i quotes its own page, each with the speaker the source gives',
    (_, block) => {
      expect(checkQuotes(SOURCE_TEXT, deckQuotes({ blocks: [block] }))).toEqual([]);
    },
  );

  test('summaries are in our own words: no run of ten words copied from the source', () => {
    const source = SOURCE_TEXT.replace(/-\n/g, '').replace(/\s+/g, ' ').toLowerCase();
    for (const block of deck.blocks) {
      const words = block.summary.toLowerCase().split(/\s+/);
      for (let k = 0; k + 10 <= words.length; k++) {
        expect(source, `block ${block.number}`).not.toContain(words.slice(k, k + 10).join(' '));
      }
    }
  });

  test('say what they need in full and in a short version, as steps that add up', () => {
    for (const block of deck.blocks) {
      const timing = block.timing;
      expect(timing, `block ${block.number}`).not.toBeNull();
      expect(timing?.full.reduce((sum, step) => sum + step.minutes, 0)).toBe(block.minutes);
      expect(timing?.short?.minutes, `block ${block.number}`).toBeLessThan(block.minutes ?? 0);
      // The notes no longer give the time in words: the timing part says it, and the notes show it.
      expect(block.notes).not.toMatch(/^Tijd:/m);
    }
  });

  test('spread their case exercises over the four cases', () => {
    const uses = deck.cases.map((story) => deck.blocks.filter((b) => b.exercise?.case === story.number).length);
    expect(Math.max(...uses) - Math.min(...uses)).toBeLessThanOrEqual(1);
  });

  test('case cards are in our own words too, and a sample contract says it is made for the exercise', () => {
    const source = SOURCE_TEXT.replace(/-\n/g, '').replace(/\s+/g, ' ').toLowerCase();
    for (const block of deck.blocks) {
      const card = block.exercise?.card;
      if (!card) continue;
      const words = card.replace(/\*\*/g, '').toLowerCase().split(/\s+/);
      for (let k = 0; k + 10 <= words.length; k++) {
        expect(source, `card of block ${block.number}`).not.toContain(words.slice(k, k + 10).join(' '));
      }
      if (/voorbeeldcontract/i.test(card)) expect(card).toMatch(/voor deze oefening gemaakt/);
    }
  });

  test('every theme the guide names has its blocks', () => {
    expect(deck.themes).toHaveLength(4);
    for (const theme of deck.themes) expect(theme.blocks.length).toBeGreaterThan(0);
    expect(deck.themes.flatMap((t) => t.blocks).sort((a, b) => a - b)).toEqual(deck.blocks.map((b) => b.number));
  });
});

describe('the four cases', () => {
  test('are Nahom, Heba, Ammar and Nabil, after blocks 3, 6, 9 and 12', () => {
    expect(deck.cases.map((c) => [c.number, c.person, c.after])).toEqual([
      [1, 'Nahom', 3],
      [2, 'Heba', 6],
      [3, 'Ammar', 9],
      [4, 'Nabil', 12],
    ]);
  });

  test.each(deck.cases.map((c) => [c.person, c] as const))('the case of %s has a group exercise', (_, story) => {
    expect(story.story).toMatch(/is een verzonnen naam/);
    expect(story.questions.length).toBeGreaterThanOrEqual(3);
    expect(story.questions.length).toBeLessThanOrEqual(4);
    expect(story.debrief.length).toBeGreaterThan(0);
    expect(story.minutes).toBeGreaterThan(0);
    expect(story.blocks.length).toBeGreaterThan(0);
  });

  test('each case title is the source heading of its page', () => {
    const lines = SOURCE_TEXT.split('\n');
    for (const story of deck.cases) {
      const at = lines.findIndex((line) => line.startsWith(`Casus ${story.number}`));
      const heading = lines.slice(at + 1, at + 4).join(' ');
      expect(normalise(heading)).toContain(normalise(story.title));
    }
  });
});

describe('the deck as a whole', () => {
  test('speaks plain Dutch: the same plain words for the invented names, "kun jij", "citaat" in notes', () => {
    const all = [...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing];
    const text = JSON.stringify(all);
    expect(text).not.toMatch(/gefingeerd/i);
    expect(text).not.toMatch(/\bkan jij\b/i);
    expect(all.map((s) => s.notes).join('\n')).not.toMatch(/\bquotes?\b/i);
    // One spelling of plan B.
    expect(text.match(/plan B/g)?.length).toBe(text.match(/‘plan B’/g)?.length);
  });

  test('polls ask about the participants’ own practice, not for a ranking with an obvious answer', () => {
    const rankings = [...deck.blocks, ...deck.cases].flatMap((s) => s.polls).filter((p) => p.type === 'ranking');
    expect(rankings).toEqual([]);
    const roles = deck.opening.flatMap((s) => s.polls).find((p) => p.id === 'start-rol');
    expect(roles?.options).toContain('Ervaringsdeskundige / statushouder');
  });

  test('uses every poll type', () => {
    const used = new Set(
      [...deck.blocks, ...deck.cases, ...deck.opening, ...deck.closing].flatMap((s) => s.polls.map((p) => p.type)),
    );
    expect([...used].sort()).toEqual([...POLL_TYPES].sort());
  });

  test('opens with a title slide and an overview of the themes, and names both interventions', () => {
    expect(deck.opening[0]?.kind).toBe('title');
    expect(deck.opening.some((s) => s.kind === 'overview')).toBe(true);
    expect(deck.interventions.map((i) => i.organisation).join(' ')).toMatch(/VluchtelingenWerk Oost-Nederland/);
    expect(deck.interventions.map((i) => i.name).join(' ')).toMatch(/NVA Werktrajecten/);
  });

  test('closes with a reflection poll and the sources, linking to the report', () => {
    expect(deck.closing.some((s) => s.polls.length > 0)).toBe(true);
    expect(deck.closing.map((s) => s.body).join('\n')).toContain(deck.source.url);
  });
});

test('the join code shows big on the title slide and on the slide that explains how to take part', () => {
  const all = [...deck.opening, ...deck.closing];
  expect(all.filter((section) => section.joinPanel).map((section) => section.slug)).toEqual(['welkom', 'werkwijze']);
});

test('every reference between blocks and cases is by slug', () => {
  const warnings: ContentError[] = [];
  loadDeck(deckFile, slideFiles, warnings);
  expect(warnings).toEqual([]);
});
