import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSlides } from '../../src/vite/readSlides.ts';
import { renderHandout } from '../../src/vite/render/handout.ts';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

// One palette: the deck, the phone pages and the handout take their colours from src/shared/tokens.css.

const TOKENS = 'src/shared/tokens.css';
const sheets = readdirSync(join(PROJECT_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.css'))
  .map((name) => ({ file: `src/${name}`, css: readFileSync(join(PROJECT_ROOT, 'src', name), 'utf8') }));
const tokens = sheets.find((sheet) => sheet.file === TOKENS)?.css ?? '';

/** The custom properties a sheet defines (`--name: value`), with their values. */
const definitions = (css: string) =>
  [...css.matchAll(/(--[a-z-]+):\s*([^;]+);/g)].map(([, name = '', value = '']) => ({ name, value: value.trim() }));

describe('the palette', () => {
  test('is defined in the tokens file alone', () => {
    const colour = /^(#[0-9a-f]{3,8}|rgb|hsl)/i;
    const elsewhere = sheets
      .filter((sheet) => sheet.file !== TOKENS)
      .flatMap((sheet) =>
        definitions(sheet.css)
          .filter((d) => colour.test(d.value))
          .map((d) => `${sheet.file} ${d.name}`),
      );
    expect(elsewhere).toEqual([]);
    expect(definitions(tokens).map((d) => d.name)).toContain('--accent');
  });

  test('gives every custom property a sheet uses a value', () => {
    const defined = new Set(sheets.flatMap((sheet) => definitions(sheet.css).map((d) => d.name)));
    // Set elsewhere: a result bar's length (by code), a form's lines (in the handout's HTML), reveal's slide height.
    for (const name of ['--share', '--rows', '--slide-height']) defined.add(name);
    const undefinedUses = sheets.flatMap((sheet) =>
      [...sheet.css.matchAll(/var\((--[a-z-]+)/g)]
        .map(([, name = '']) => name)
        .filter((name) => !defined.has(name))
        .map((name) => `${sheet.file} ${name}`),
    );
    expect(undefinedUses).toEqual([]);
  });

  test('is imported by the deck theme and the phone pages, and printed into the handout', () => {
    const importsTokens = (file: string) =>
      sheets.find((sheet) => sheet.file === file)?.css.includes('shared/tokens.css');
    expect(importsTokens('src/deck/theme/index.css')).toBe(true);
    expect(importsTokens('src/join/join.css')).toBe(true);
    const { deckFile, slideFiles } = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
    const handout = renderHandout(loadDeck(deckFile, slideFiles));
    expect(handout).toContain(tokens);
  });
});
