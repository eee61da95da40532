import type { Deck, Poll } from '../../../src/shared/deck.ts';

// A small deck with one poll of every type (and a hidden one), for the server tests.

export const POLLS = {
  single: { id: 'kies-een', type: 'single', question: 'Welke?', options: ['Rood', 'Groen', 'Blauw'], hidden: false },
  multiple: {
    id: 'kies-meer',
    type: 'multiple',
    question: 'Welke allemaal?',
    options: ['A', 'B', 'C', 'D'],
    max: 2,
    hidden: false,
  },
  scale: {
    id: 'schaal',
    type: 'scale',
    question: 'Hoeveel?',
    options: ['1', '2', '3', '4', '5'],
    min: 1,
    max: 5,
    labels: ['Weinig', 'Veel'],
    hidden: false,
  },
  wordcloud: { id: 'woord', type: 'wordcloud', question: 'Eén woord?', options: [], hidden: false },
  open: { id: 'open-vraag', type: 'open', question: 'Wat denk je?', options: [], moderation: 'approve', hidden: false },
  ranking: { id: 'volgorde', type: 'ranking', question: 'Zet in volgorde', options: ['X', 'Y', 'Z'], hidden: false },
  hidden: { id: 'verborgen', type: 'single', question: 'Stil?', options: ['Ja', 'Nee'], hidden: true },
  group: { id: 'groepen', type: 'group', question: 'Wat zegt je groep?', options: [], hidden: true },
} as const satisfies Record<string, Poll>;

/** The slug of the test deck's one case: a group exercise's countdown names it. */
export const CASE_SLUG = 'casus-test';

export function testDeck(): Deck {
  const section = { title: 'Titel', minutes: null, notes: '', prompts: [], body: '' };
  return {
    title: 'Testdeck',
    subtitle: 'Voor de servertests',
    language: 'nl',
    source: { title: 'Bron', publisher: 'Uitgever', year: 2019, url: 'https://example.org/bron' },
    themes: [{ id: 'thema', title: 'Thema', blocks: [1] }],
    blocks: [
      {
        title: 'Blok',
        slug: 'blok',
        minutes: null,
        notes: '',
        file: 'slides/blocks/01-blok.md',
        number: 1,
        theme: 'thema',
        summary: 'Samenvatting.',
        quotes: [],
        prompts: [],
        polls: Object.values(POLLS).map((poll) => structuredClone(poll) as Poll),
        exercise: null,
        timing: null,
      },
    ],
    cases: [
      {
        title: 'Casus',
        slug: CASE_SLUG,
        minutes: 20,
        exerciseMinutes: 10,
        notes: '',
        file: 'slides/cases/1-test.md',
        number: 1,
        person: 'Test',
        story: 'Een verhaal.',
        blocks: [1],
        after: 1,
        quotes: [],
        questions: ['Wat nu?'],
        debrief: '',
        polls: [],
      },
    ],
    interventions: [],
    opening: [
      { ...section, slug: 'titel', file: 'slides/opening/01-titel.md', kind: 'title', joinPanel: true, polls: [] },
    ],
    closing: [],
    plans: [],
  };
}
