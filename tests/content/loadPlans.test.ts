import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPlans, readSlides } from '../../src/vite/readSlides.ts';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { loadPlans } from '../../src/content/loadPlans.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

const fixture = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'tests/fixtures/good/slides'));
const deck = loadDeck(fixture.deckFile, fixture.slideFiles);
const FILE = 'plans/kort.yaml';

const plan = (parts: string) => [{ file: FILE, text: `title: Kort\nstart: '10:00'\nparts:\n${parts}` }];

describe('a workshop plan', () => {
  test('takes minutes from the plan, else from the slide file', () => {
    const { plans, errors } = loadPlans(
      plan('  - slide: start\n  - case: casus-nahom\n    minutes: 25\n  - break: 10\n  - block: maatwerk\n'),
      deck,
    );
    expect(errors).toEqual([]);
    expect(plans).toEqual([
      {
        id: 'kort',
        title: 'Kort',
        description: '',
        start: '10:00',
        goals: [],
        parts: [
          { kind: 'slide', slug: 'start', minutes: 5 },
          { kind: 'case', number: 1, minutes: 25 },
          { kind: 'break', title: 'Pauze', minutes: 10 },
          { kind: 'block', number: 1, minutes: 20, short: false },
        ],
        slides: [],
      },
    ]);
  });

  test('that names a block the deck does not have fails with the line', () => {
    const { errors } = loadPlans(plan('  - block: samenwerken-met-werkgevers\n  - block: stage\n'), deck);
    expect(errors.map((e) => e.message)).toEqual([
      `${FILE}:5: er is geen bouwsteen met slug "stage"; kies uit maatwerk, samenwerken-met-werkgevers`,
    ]);
  });

  test('that names a case the deck does not have fails with the line', () => {
    const { errors } = loadPlans(plan('  - case: casus-heba\n'), deck);
    expect(errors.map((e) => e.message)).toEqual([
      `${FILE}:4: er is geen casus met slug "casus-heba"; kies uit casus-nahom`,
    ]);
  });

  test('that names blocks and cases by number builds the same plan, with a warning for each', () => {
    const bySlug = loadPlans(plan('  - case: casus-nahom\n  - block: maatwerk\n'), deck);
    const byNumber = loadPlans(plan('  - case: 1\n  - block: 1\n'), deck);
    expect(byNumber.errors).toEqual([]);
    expect(byNumber.plans).toEqual(bySlug.plans);
    expect(bySlug.warnings).toEqual([]);
    expect(byNumber.warnings.map((w) => w.message)).toEqual([
      `${FILE}:4: verouderd: "case: 1" verwijst met een nummer, en een nummer verandert als de bouwstenen een ` +
        'andere volgorde krijgen; schrijf de slug: "case: casus-nahom"',
      `${FILE}:5: verouderd: "block: 1" verwijst met een nummer, en een nummer verandert als de bouwstenen een ` +
        'andere volgorde krijgen; schrijf de slug: "block: maatwerk"',
    ]);
  });

  test('that names a block number the deck does not have fails with the line', () => {
    const { errors } = loadPlans(plan('  - block: 16\n'), deck);
    expect(errors.map((e) => e.message)).toEqual([`${FILE}:4: bouwsteen 16 bestaat niet`]);
  });

  test('that names an unknown slide says which slides there are', () => {
    const { errors } = loadPlans(plan('  - slide: pauze\n'), deck);
    expect(errors.map((e) => e.message)).toEqual([
      `${FILE}:4: de slide "pauze" bestaat niet; kies uit start, alle-bouwstenen, doelen, bronnen`,
    ]);
  });

  test('that names a theme the deck does not have, or shortens a block without a short version', () => {
    const { errors } = loadPlans(
      plan('  - theme: taal\n  - block: samenwerken-met-werkgevers\n    minutes: 10\n'),
      deck,
    );
    expect(errors.map((e) => e.message)).toEqual([
      `${FILE}:4: thema "taal" bestaat niet; kies uit vaardigheden, samenwerking`,
      `${FILE}:5: bouwsteen 2 duurt 15 minuten en heeft geen korte versie; geef hem 15 minuten`,
    ]);
  });

  test('with a start time that is not a time', () => {
    const { errors } = loadPlans(
      [{ file: FILE, text: "title: Kort\nstart: '25:00'\nparts:\n  - block: maatwerk\n" }],
      deck,
    );
    expect(errors.map((e) => e.message)).toEqual([`${FILE}:2: "start" moet een tijd zijn als "09:30"`]);
  });
});

test('the plans in plans/ all load against the real deck', () => {
  const real = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
  const { plans, errors, warnings } = loadPlans(
    readPlans(PROJECT_ROOT, join(PROJECT_ROOT, 'plans')),
    loadDeck(real.deckFile, real.slideFiles),
  );
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
  const total = (id: string) => plans.find((p) => p.id === id)?.parts.reduce((sum, part) => sum + part.minutes, 0) ?? 0;
  expect(total('kennismaking')).toBeGreaterThanOrEqual(50);
  expect(total('kennismaking')).toBeLessThanOrEqual(70);
  expect(total('dagdeel')).toBeGreaterThanOrEqual(165);
  expect(total('dagdeel')).toBeLessThanOrEqual(195);
  expect(total('hele-dag')).toBeGreaterThanOrEqual(330);
});

describe('the plans in plans/ get slides of their own', () => {
  const real = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
  const realDeck = loadDeck(real.deckFile, real.slideFiles);
  const { plans } = loadPlans(readPlans(PROJECT_ROOT, join(PROJECT_ROOT, 'plans')), realDeck);
  const own = (id: string, slug: string) => plans.find((p) => p.id === id)?.slides.find((s) => s.slug === slug);

  test('a learning goals slide with the goals of the plan', () => {
    for (const plan of plans) {
      expect(plan.goals.length, plan.id).toBeGreaterThanOrEqual(2);
      const goals = own(plan.id, 'doelen');
      for (const goal of plan.goals) expect(goals?.body).toContain(goal);
    }
  });

  test('a reflection poll with only the blocks, or for the whole day the themes, the plan covers', () => {
    const poll = (id: string) => own(id, 'reflectie')?.polls.find((p) => p.id.startsWith('reflectie-thema-'));
    expect(poll('kennismaking')).toMatchObject({
      id: 'reflectie-thema-kennismaking',
      type: 'single',
      options: [
        '1. Maatwerk in de trajecten',
        '4. Kennismaken met bedrijven',
        '7. Realistische verwachtingen scheppen voor een baan',
      ],
    });
    expect(poll('dagdeel')?.options).toHaveLength(6);
    expect(poll('hele-dag')).toMatchObject({ id: 'reflectie-thema-hele-dag', type: 'ranking' });
    expect(poll('hele-dag')?.options).toEqual(realDeck.closing.find((s) => s.slug === 'reflectie')?.polls[0]?.options);
    // The other poll on the slide is the deck's own.
    expect(own('dagdeel', 'reflectie')?.polls.map((p) => p.id)).toEqual([
      'reflectie-thema-dagdeel',
      'reflectie-eerste-stap',
    ]);
  });
});
