import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSlides } from '../../src/vite/readSlides.ts';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { loadPlans } from '../../src/content/loadPlans.ts';
import type { Deck } from '../../src/shared/deck.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

// The rules that make a plan run as written, each with a small plan in tests/fixtures/plans/ against the
// fixture deck: block 1 (20 minutes, or 12 short) has an exercise on case 1 (20 minutes); block 2 has none.

const fixture = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'tests/fixtures/good/slides'));
const deck = loadDeck(fixture.deckFile, fixture.slideFiles);

function load(name: string, on: Deck = noCard) {
  const file = `tests/fixtures/plans/${name}.yaml`;
  const result = loadPlans([{ file, text: readFileSync(join(PROJECT_ROOT, file), 'utf8') }], on);
  return {
    ...result,
    errors: result.errors.map((e) => e.message),
    warnings: result.warnings.map((w) => w.message),
  };
}

/** The fixture deck as it is, with a case card on block 1's exercise. */
const withCard = deck;

/** The fixture deck without that card: the exercise needs its case before it. */
const noCard: Deck = {
  ...deck,
  blocks: deck.blocks.map((b) => (b.exercise ? { ...b, exercise: { ...b.exercise, card: null } } : b)),
};

describe('a plan that keeps every rule', () => {
  test('loads without mistakes or warnings, and picks the short version by its minutes', () => {
    const { plans, errors, warnings } = load('good');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(plans[0]?.parts.filter((p) => p.kind === 'block')).toEqual([
      { kind: 'block', number: 1, minutes: 20, short: false },
      { kind: 'block', number: 1, minutes: 12, short: true },
      { kind: 'block', number: 2, minutes: 15, short: false },
    ]);
  });
});

describe('a case exercise', () => {
  test('before its case fails at the block, saying where the case is', () => {
    expect(load('case-later').errors).toEqual([
      'tests/fixtures/plans/case-later.yaml:4: de oefening van bouwsteen 1 gaat over casus 1 (Nahom), maar die ' +
        'casus staat pas later in dit plan; zet "- case: casus-nahom" ervoor, of geef de oefening een korte casuskaart ' +
        '("card:" in ::: exercise)',
    ]);
  });

  test('on a case the plan leaves out fails too', () => {
    expect(load('case-missing').errors).toEqual([
      'tests/fixtures/plans/case-missing.yaml:5: de oefening van bouwsteen 1 gaat over casus 1 (Nahom), maar die ' +
        'casus staat niet in dit plan; zet "- case: casus-nahom" ervoor, of geef de oefening een korte casuskaart ' +
        '("card:" in ::: exercise)',
    ]);
  });

  test('with its own case card stands alone', () => {
    expect(load('case-later', withCard).errors).toEqual([]);
    expect(load('case-missing', withCard).errors).toEqual([]);
  });
});

describe('the times of a plan', () => {
  test('give a block its full or its short version, and a case at least what it needs', () => {
    expect(load('wrong-minutes').errors).toEqual([
      'tests/fixtures/plans/wrong-minutes.yaml:6: bouwsteen 1 duurt 20 minuten, of 12 in de korte versie; 15 ' +
        'past bij geen van beide',
      'tests/fixtures/plans/wrong-minutes.yaml:4: casus 1 heeft 20 minuten nodig; het plan geeft 15',
    ]);
  });

  test('add up to the end time when the plan gives one', () => {
    expect(load('does-not-add-up').errors).toEqual([
      'tests/fixtures/plans/does-not-add-up.yaml:4: de onderdelen duren samen 40 minuten, maar van begin tot ' +
        '"end: 10:00" is 60 minuten',
    ]);
  });

  test('get a warning, not a mistake, after more than 90 minutes without a break', () => {
    const { errors, warnings, plans } = load('no-break');
    expect(errors).toEqual([]);
    expect(plans).toHaveLength(1);
    expect(warnings).toEqual([
      'tests/fixtures/plans/no-break.yaml:9: hier is het al 100 minuten zonder pauze (meer dan 90); plan een ' +
        'pauze ervoor',
    ]);
  });
});

describe('the learning goals of a plan', () => {
  test('stand on the plan’s own goals slide', () => {
    const good = loadPlans(
      [
        {
          file: 'plans/doelen.yaml',
          text: 'title: Doelen\ngoals: [Je kent bouwsteen 1.]\nparts:\n  - slide: doelen\n',
        },
      ],
      deck,
    );
    expect(good.errors).toEqual([]);
    expect(good.plans[0]?.slides.find((s) => s.slug === 'doelen')?.body).toContain('- Je kent bouwsteen 1.');
  });

  test('without that slide, or the slide without goals, fail', () => {
    expect(load('goals-not-shown').errors).toEqual([
      'tests/fixtures/plans/goals-not-shown.yaml:3: de leerdoelen staan op geen slide: zet "- slide: doelen" in parts',
    ]);
    expect(load('no-goals').errors).toEqual([
      'tests/fixtures/plans/no-goals.yaml:3: het plan toont de slide "doelen", maar heeft geen "goals:"',
    ]);
  });
});
