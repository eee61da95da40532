import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSlides } from '../../src/build/readSlides.ts';
import { ContentErrors } from '../../src/content/errors.ts';
import { loadDeck, type SourceFile } from '../../src/content/loadDeck.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

const GOOD = join(PROJECT_ROOT, 'tests/fixtures/good/slides');
const good = readSlides(PROJECT_ROOT, GOOD);
const BLOCK_1 = 'tests/fixtures/good/slides/blocks/01-maatwerk.md';

/** The good fixture deck with one file changed, added or removed. */
function withFile(file: string, text: string | null): SourceFile[] {
  const others = good.slideFiles.filter((f) => f.file !== file);
  return text === null ? others : [...others, { file, text }];
}

function errorsOf(slideFiles: SourceFile[], deckFile = good.deckFile): string[] {
  try {
    loadDeck(deckFile, slideFiles);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  return [];
}

const block1 = good.slideFiles.find((f) => f.file === BLOCK_1)?.text ?? '';

describe('the good fixture deck', () => {
  const deck = loadDeck(good.deckFile, good.slideFiles);

  test('orders blocks by number, with sections from their folders', () => {
    expect(deck.blocks.map((b) => b.number)).toEqual([1, 2]);
    expect(deck.opening.map((s) => s.kind)).toEqual(['title', 'overview', 'section']);
    expect(deck.closing.map((s) => s.title)).toEqual(['Bronnen']);
    expect(deck.cases.map((c) => [c.person, c.slug, c.after])).toEqual([['Nahom', 'casus-nahom', 1]]);
  });

  test('puts each block under its theme', () => {
    expect(deck.themes).toEqual([
      { id: 'vaardigheden', title: 'Vaardigheden versterken', blocks: [1] },
      { id: 'samenwerking', title: 'Samenwerken met stakeholders', blocks: [2] },
    ]);
  });

  test('strips the quote marks an author left around a quote', () => {
    expect(deck.blocks[0]?.quotes[1]).toEqual({
      text: 'De gemeente Amersfoort heeft geen doelgroepenbeleid (…).',
      speaker: 'Gemeente Amersfoort',
    });
  });
});

describe('mistakes across files', () => {
  test('a duplicate poll id names both places', () => {
    const copy = block1.replace('number: 1', 'number: 3').replace('slug: maatwerk', 'slug: maatwerk-twee');
    expect(errorsOf(withFile('tests/fixtures/good/slides/blocks/03-kopie.md', copy))).toEqual([
      `tests/fixtures/good/slides/blocks/03-kopie.md:26: poll-id "maatwerk-nu" wordt al gebruikt in ${BLOCK_1}:26; elke poll heeft een eigen id`,
    ]);
  });

  test('two files with the same block number', () => {
    const copy = block1.replace('slug: maatwerk', 'slug: maatwerk-twee').replace('id: maatwerk-nu', 'id: anders');
    expect(errorsOf(withFile('tests/fixtures/good/slides/blocks/09-kopie.md', copy))).toEqual([
      `tests/fixtures/good/slides/blocks/09-kopie.md:3: bouwsteen 1 staat ook in ${BLOCK_1}`,
    ]);
  });

  test('a theme that deck.yaml does not have', () => {
    expect(errorsOf(withFile(BLOCK_1, block1.replace('theme: vaardigheden', 'theme: taal')))).toEqual([
      `${BLOCK_1}:5: thema "taal" bestaat niet; kies uit vaardigheden, samenwerking`,
    ]);
  });

  test('an exercise for a case that does not exist', () => {
    expect(errorsOf(withFile(BLOCK_1, block1.replace('case: 1', 'case: 7')))).toEqual([
      `${BLOCK_1}:35: de opdracht verwijst naar casus 7, maar die bestaat niet`,
    ]);
  });

  test('an exercise on a case that comes later in the deck, without a case card', () => {
    const noCard = block1.replace(/^card: .*\n/m, '');
    expect(errorsOf(withFile(BLOCK_1, noCard))).toEqual([
      `${BLOCK_1}:35: de oefening gaat over casus 1 (Nahom), maar die casus komt pas na bouwsteen 1; geef de ` +
        'oefening een korte casuskaart ("card:")',
    ]);
  });

  test('a case that follows a block that does not exist', () => {
    const file = 'tests/fixtures/good/slides/cases/1-nahom.md';
    const text = good.slideFiles.find((f) => f.file === file)?.text ?? '';
    expect(errorsOf(withFile(file, text.replace('after: 1', 'after: 9')))).toEqual([
      `${file}:7: "after": bouwsteen 9 bestaat niet`,
    ]);
  });

  test('a section outside opening/ and closing/', () => {
    const file = 'tests/fixtures/good/slides/blocks/00-welkom.md';
    expect(errorsOf(withFile(file, '---\ntype: section\ntitle: Welkom\n---\n'))).toEqual([
      `${file}:1: een slide van dit type hoort in slides/opening/ of slides/closing/`,
    ]);
  });

  test('a mistake in deck.yaml', () => {
    const deckFile = { ...good.deckFile, text: good.deckFile.text.replace('language: nl', 'language: en') };
    expect(errorsOf(good.slideFiles, deckFile)).toEqual([
      'tests/fixtures/good/slides/deck.yaml:3: "language" moet "nl" zijn',
    ]);
  });

  test('the message lists every mistake, one per line', () => {
    const broken = withFile(
      BLOCK_1,
      block1.replace('theme: vaardigheden', 'theme: taal').replace('case: 1', 'case: 7'),
    );
    expect(() => loadDeck(good.deckFile, broken)).toThrow(
      `Er staan 2 fouten in de slidebestanden:\n  ${BLOCK_1}:5: thema "taal" bestaat niet; kies uit vaardigheden, samenwerking\n  ${BLOCK_1}:35: de opdracht verwijst naar casus 7, maar die bestaat niet`,
    );
  });
});
