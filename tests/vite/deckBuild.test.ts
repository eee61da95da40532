import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { readSlides } from '../../src/vite/readSlides.ts';
import { deckSchema } from '../../src/server/deckSchema.ts';
import { buildDeck, PROJECT_ROOT } from '../helpers/buildDeck.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/good/slides');

/** The ids of the top-level slides (a stack counts by its first slide), in deck order. */
function topLevelSlideIds(html: string): string[] {
  // The parts only a plan shows wait in a template after the slides.
  const end = html.indexOf('<template id="deck-plan-parts">');
  const slides = html.slice(html.indexOf('<div class="slides">'), end < 0 ? undefined : end);
  const ids: string[] = [];
  let depth = 0;
  for (const match of slides.matchAll(/<section([^>]*)>|<\/section>/g)) {
    if (match[0] === '</section>') {
      depth--;
      continue;
    }
    const attributes = match[1] ?? '';
    const isStack = attributes.includes('class="stack"');
    if (depth === 0 && !isStack) ids.push(/id="([^"]+)"/.exec(attributes)?.[1] ?? '?');
    if (depth === 0 && isStack) ids.push('stack');
    depth++;
  }
  return ids;
}

describe.each([
  ['the test fixture', FIXTURE],
  ['the real slides', join(PROJECT_ROOT, 'slides')],
])('building %s', (_, slidesDir) => {
  let outDir: string;
  let html: string;
  beforeAll(async () => {
    outDir = await buildDeck(slidesDir);
    html = readFileSync(join(outDir, 'index.html'), 'utf8');
  });

  test('the deck carries no validation library (the server validates; zod stays out of every page)', () => {
    const scripts = readdirSync(join(outDir, 'assets')).filter((file) => file.endsWith('.js'));
    const withZod = scripts.filter((file) => readFileSync(join(outDir, 'assets', file), 'utf8').includes('ZodError'));
    expect(withZod).toEqual([]);
  });

  test('writes a deck.json that matches the schema', () => {
    const deck = deckSchema.parse(JSON.parse(readFileSync(join(outDir, 'deck.json'), 'utf8')));
    expect(deck.language).toBe('nl');
  });

  test('turns every slide file into a slide of its own', () => {
    const deck = deckSchema.parse(JSON.parse(readFileSync(join(outDir, 'deck.json'), 'utf8')));
    const files = readSlides(PROJECT_ROOT, slidesDir).slideFiles;
    expect(topLevelSlideIds(html)).toHaveLength(files.length);
    for (const item of [...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing]) {
      expect(html).toContain(`id="${item.slug}"`);
    }
  });

  test('is a Dutch page that ships no markdown parser and loads nothing from elsewhere', () => {
    expect(html).toMatch(/<html lang="nl">/);
    const assets = readdirSync(join(outDir, 'assets'));
    const code = assets.map((name) => readFileSync(join(outDir, 'assets', name), 'utf8')).join('\n');
    expect(code).not.toMatch(/markdown-it|linkify-it/i);
    expect(html).not.toMatch(/<(?:script|img|iframe|link|source|video|audio)\b[^>]*(?:src|href)=["']https?:/);
    expect(code).not.toMatch(/@import\s+url\(["']?https?:/);
  });

  test('puts speaker notes in the slides, never on them, each "Doel / Werkwijze / Let op" line a paragraph', () => {
    expect(html).toMatch(/<aside class="notes">/);
    const notes = [...html.matchAll(/<aside class="notes">([\s\S]*?)<\/aside>/g)].map((match) => match[1] ?? '');
    const withAim = notes.find((note) => note.includes('Doel:'));
    expect(withAim).toMatch(/<p><strong>Doel:<\/strong> [^<]/);
    // No line label runs on inside another line's paragraph.
    for (const note of notes) expect(note).not.toMatch(/[^>]\n(?:Doel|Werkwijze|Let op):/);
  });
});

describe('a broken slide file', () => {
  test('fails the build with the file, the line and what is wrong', async () => {
    const slidesDir = mkdtempSync(join(tmpdir(), 'broken-slides-'));
    cpSync(FIXTURE, slidesDir, { recursive: true });
    const file = join(slidesDir, 'blocks/01-maatwerk.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('type: scale', 'type: schaal'));
    await expect(buildDeck(slidesDir)).rejects.toThrow(
      /blocks\/01-maatwerk\.md:27: een poll van type "schaal" bestaat niet; kies uit single, multiple, scale, wordcloud, open, ranking/,
    );
  });
});

describe('a deck written before references by slug', () => {
  test('builds, and warns in Dutch at the file and line of each reference by number', async () => {
    const slidesDir = mkdtempSync(join(tmpdir(), 'numbered-slides-'));
    cpSync(FIXTURE, slidesDir, { recursive: true });
    const file = join(slidesDir, 'cases/1-nahom.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('after: maatwerk', 'after: 1'));
    const warnings: string[] = [];
    const outDir = await buildDeck(slidesDir, join(slidesDir, '..', 'plans'), warnings);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('id="casus-nahom"');
    expect(warnings.filter((w) => w.includes('verouderd'))).toEqual([
      expect.stringMatching(/cases\/1-nahom\.md:7: verouderd: "after: 1" verwijst met een nummer.*"after: maatwerk"/),
    ]);
  });
});
