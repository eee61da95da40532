import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readPlans, readSlides } from '../../src/vite/readSlides.ts';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { loadPlans } from '../../src/content/loadPlans.ts';
import { indexPolls } from '../../src/client/pollsFile.ts';
import { deckPolls } from '../../src/shared/deck.ts';
import { PollCatalog } from '../../src/server/pollCatalog.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { useTestServer } from './helpers/tempServer.ts';

// A plan's own reflection poll lives in deck.json, with an id of its own: the server takes votes for it
// against its own options, and the phone page knows them.

const real = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
const loaded = loadDeck(real.deckFile, real.slideFiles);
const deck = { ...loaded, plans: loadPlans(readPlans(PROJECT_ROOT, join(PROJECT_ROOT, 'plans')), loaded).plans };

test('the server and the phone page know the polls of each plan, and every poll once', () => {
  const catalog = new PollCatalog(deck);
  // What polls.json holds for the phone.
  const phone = indexPolls(deckPolls(deck));
  for (const id of ['reflectie-thema-kennismaking', 'reflectie-thema-dagdeel', 'reflectie-thema-hele-dag']) {
    expect(catalog.find(id)?.id).toBe(id);
    expect(phone.get(id)?.options).toEqual(catalog.find(id)?.options);
  }
  // The deck's own reflection poll keeps its four themes, for the deck without a plan.
  expect(catalog.find('reflectie-thema')?.options).toHaveLength(4);
  const ids = catalog.all().map((poll) => poll.id);
  expect(new Set(ids).size).toBe(ids.length);
});

const server = useTestServer(() => ({ deck }));

test('a vote on a plan’s reflection poll counts for its own options only', async () => {
  const { presenter, room } = await createRoom(server.url);
  server.track(presenter);
  expect(outcome(await presenter.request({ type: 'show', poll: 'reflectie-thema-kennismaking' }))).toBe('ok');
  const { client } = await joinRoom(server.url, room);
  server.track(client);
  // Three blocks in the plan: options 0, 1 and 2; the deck's own poll has a fourth (a theme).
  expect(outcome(await client.request({ type: 'vote', poll: 'reflectie-thema-kennismaking', value: 2 }))).toBe('ack');
  expect(outcome(await client.request({ type: 'vote', poll: 'reflectie-thema-kennismaking', value: 3 }))).toBe(
    'bad-vote',
  );
});
