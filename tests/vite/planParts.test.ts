import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readPlans, readSlides } from '../../src/vite/readSlides.ts';
import { renderBlock } from '../../src/vite/render/renderBlock.ts';
import { renderDeck } from '../../src/vite/render/renderDeck.ts';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { loadPlans } from '../../src/content/loadPlans.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

// The parts only a plan shows wait in a template after the deck's own slides.

const real = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
const loaded = loadDeck(real.deckFile, real.slideFiles);
const deck = { ...loaded, plans: loadPlans(readPlans(PROJECT_ROOT, join(PROJECT_ROOT, 'plans')), loaded).plans };
const html = renderDeck(deck);
const template = html.slice(html.indexOf('<template id="deck-plan-parts">'));
const parts = [...template.matchAll(/data-part="([^"]+)"/g)].map((m) => m[1]);

test('hold the short blocks the plans pick, the theme slides and each plan’s own slides, once each', () => {
  const short = deck.plans.flatMap((p) => p.parts.flatMap((x) => (x.kind === 'block' && x.short ? [x.number] : [])));
  for (const number of short) expect(parts).toContain(`block-${number}-kort`);
  for (const theme of deck.themes) expect(parts).toContain(`theme-${theme.id}`);
  for (const plan of deck.plans) {
    expect(parts).toContain(`plan-${plan.id}-doelen`);
    expect(parts).toContain(`plan-${plan.id}-reflectie`);
  }
  expect(new Set(parts).size).toBe(parts.length);
  // The deck without a plan has none of them.
  expect(html.slice(0, html.indexOf('<template')).match(/data-part="(?:theme-|plan-|block-\d+-kort)/)).toBeNull();
});

test('a short block leaves out what its short version skips, with the shorter exercise time', () => {
  const block = deck.blocks.find((b) => b.number === 12);
  if (!block?.timing?.short) throw new Error('block 12 has no short version');
  const full = renderBlock(block, deck);
  const short = renderBlock(block, deck, { short: true });
  expect(full).toContain('id="arbeidscontracten-poll-arbeidscontracten-uitleggen"');
  expect(short).not.toContain('id="arbeidscontracten-poll-arbeidscontracten-uitleggen"');
  expect(short).not.toContain('id="arbeidscontracten-bespreken"');
  expect(short).toContain('id="arbeidscontracten-poll-arbeidscontracten-ontbreekt"');
  expect(short).toContain('Casusopdracht · 7 minuten');
  expect(short).toContain('data-part="block-12-kort"');
  expect(short).toContain('Dit plan gebruikt de korte versie');
  // Both versions tell the trainer both timings.
  for (const version of [full, short]) expect(version).toMatch(/Volledig \(20 minuten\).*Kort \(12 minuten\)/s);
  // The sample contract is on the exercise slide.
  expect(short).toContain('<aside class="exercise-card" aria-label="Casuskaart">');
  expect(short).toContain('Voorbeeldcontract');
});
