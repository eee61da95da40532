import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readPlans, readSlides } from '../../src/build/readSlides.ts';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { loadPlans } from '../../src/content/loadPlans.ts';
import { indexPolls } from '../../src/join/deckPolls.ts';
import { PollCatalog } from '../../src/server/deckPolls.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

// A plan's own reflection poll lives in deck.json, with an id of its own: the server takes votes for it,
// and the phone page knows its options.

const real = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
const loaded = loadDeck(real.deckFile, real.slideFiles);
const deck = { ...loaded, plans: loadPlans(readPlans(PROJECT_ROOT, join(PROJECT_ROOT, 'plans')), loaded).plans };

test('the server and the phone page know the polls of each plan, and every poll once', () => {
  const catalog = new PollCatalog(deck);
  const phone = indexPolls(deck);
  for (const id of ['reflectie-thema-kennismaking', 'reflectie-thema-dagdeel', 'reflectie-thema-hele-dag']) {
    expect(catalog.find(id)?.id).toBe(id);
    expect(phone.get(id)?.options).toEqual(catalog.find(id)?.options);
  }
  // The deck's own reflection poll keeps its four themes, for the deck without a plan.
  expect(catalog.find('reflectie-thema')?.options).toHaveLength(4);
  const ids = catalog.all().map((poll) => poll.id);
  expect(new Set(ids).size).toBe(ids.length);
});
