import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSlides } from '../../src/vite/readSlides.ts';
import { ContentErrors, type ContentError } from '../../src/content/errors.ts';
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
    expect(errorsOf(withFile(BLOCK_1, block1.replace('case: casus-nahom', 'case: casus-nadia')))).toEqual([
      `${BLOCK_1}:35: "case": er is geen casus met slug "casus-nadia"; kies uit casus-nahom`,
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
    expect(errorsOf(withFile(file, text.replace('after: maatwerk', 'after: stage')))).toEqual([
      `${file}:7: "after": er is geen bouwsteen met slug "stage"; kies uit maatwerk, samenwerken-met-werkgevers`,
    ]);
  });

  test('a case that belongs to a block that does not exist', () => {
    const file = 'tests/fixtures/good/slides/cases/1-nahom.md';
    const text = good.slideFiles.find((f) => f.file === file)?.text ?? '';
    expect(errorsOf(withFile(file, text.replace('blocks: [maatwerk,', 'blocks: [taal, stage,')))).toEqual([
      `${file}:6: "blocks": er is geen bouwsteen met slug "taal"; kies uit maatwerk, samenwerken-met-werkgevers; ` +
        'er is geen bouwsteen met slug "stage"; kies uit maatwerk, samenwerken-met-werkgevers',
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
      block1.replace('theme: vaardigheden', 'theme: taal').replace('case: casus-nahom', 'case: 7'),
    );
    expect(() => loadDeck(good.deckFile, broken)).toThrow(
      `Er staan 2 fouten in de slidebestanden:\n  ${BLOCK_1}:35: "case": casus 7 bestaat niet\n  ${BLOCK_1}:5: thema "taal" bestaat niet; kies uit vaardigheden, samenwerking`,
    );
  });
});

describe('references by number, from decks written before slugs', () => {
  const CASE_1 = 'tests/fixtures/good/slides/cases/1-nahom.md';
  const case1 = good.slideFiles.find((f) => f.file === CASE_1)?.text ?? '';
  const byNumber = withFile(
    CASE_1,
    case1
      .replace('blocks: [maatwerk, samenwerken-met-werkgevers]', 'blocks: [1, 2]')
      .replace('after: maatwerk', 'after: 1'),
  )
    .filter((f) => f.file !== BLOCK_1)
    .concat({ file: BLOCK_1, text: block1.replace('case: casus-nahom', 'case: 1') });

  test('still build, into the same deck', () => {
    const deck = loadDeck(good.deckFile, byNumber);
    expect(deck).toEqual(loadDeck(good.deckFile, good.slideFiles));
  });

  test('each get a warning in Dutch with the line and the slug to write instead', () => {
    const warnings: ContentError[] = [];
    loadDeck(good.deckFile, byNumber, warnings);
    const deprecated = (field: string, written: string, bySlug: string) =>
      `verouderd: "${field}: ${written}" verwijst met een nummer, en een nummer verandert als de bouwstenen ` +
      `een andere volgorde krijgen; schrijf de slug: "${field}: ${bySlug}"`;
    expect(warnings.map((w) => w.message)).toEqual([
      `${CASE_1}:6: ${deprecated('blocks', '[1, 2]', '[maatwerk, samenwerken-met-werkgevers]')}`,
      `${CASE_1}:7: ${deprecated('after', '1', 'maatwerk')}`,
      `${BLOCK_1}:35: ${deprecated('case', '1', 'casus-nahom')}`,
    ]);
  });

  test('by slug get none', () => {
    const warnings: ContentError[] = [];
    loadDeck(good.deckFile, good.slideFiles, warnings);
    expect(warnings).toEqual([]);
  });

  test('to a number that does not exist are a mistake', () => {
    expect(errorsOf(withFile(CASE_1, case1.replace('after: maatwerk', 'after: 9')))).toEqual([
      `${CASE_1}:7: "after": bouwsteen 9 bestaat niet`,
    ]);
  });
});
