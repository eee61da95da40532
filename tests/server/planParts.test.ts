import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { loadPlans } from '../../src/content/loadPlans.ts';
import { PollCatalog } from '../../src/server/pollCatalog.ts';
import type { RunningServer } from '../../src/server/startServer.ts';
import { SqliteStore } from '../../src/server/store/SqliteStore.ts';
import { readPlans, readSlides } from '../../src/vite/readSlides.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';
import type { PollClient } from '../helpers/pollClient.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { makeDataDir, startTestServer } from './helpers/tempServer.ts';

// For the session report the server keeps when each plan part started (the deck's `plan-part`, a
// presenter action checked against the deck's plans) and the most participants connected at once.

const real = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
const loaded = loadDeck(real.deckFile, real.slideFiles);
const deck = { ...loaded, plans: loadPlans(readPlans(PROJECT_ROOT, join(PROJECT_ROOT, 'plans')), loaded).plans };
const agenda = new PollCatalog(deck).agenda('dagdeel');

let server: RunningServer;
let dataDir: string;
const clients: PollClient[] = [];
beforeAll(async () => {
  dataDir = makeDataDir();
  server = await startTestServer({ deck, dataDir });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

const stored = async <T>(read: (store: SqliteStore) => Promise<T>): Promise<T> => {
  const store = new SqliteStore(join(dataDir, 'polls.db'));
  try {
    return await read(store);
  } finally {
    await store.close();
  }
};

test('the presenter tells which plan part starts; the server keeps each change, and refuses a part the plan lacks', async () => {
  const { presenter, room } = await createRoom(server.url);
  clients.push(presenter);
  const [first, second] = agenda?.items ?? [];
  if (!first || !second) throw new Error('the plan dagdeel has no parts');
  const send = (plan: string, part: string) => presenter.request({ type: 'plan-part', plan, part });
  expect(outcome(await send('dagdeel', first.part))).toBe('ok');
  expect(outcome(await send('dagdeel', first.part))).toBe('ok');
  expect(outcome(await send('dagdeel', second.part))).toBe('ok');
  expect(outcome(await send('dagdeel', 'block-99'))).toBe('unknown-part');
  expect(outcome(await send('geen-plan', first.part))).toBe('unknown-part');
  expect(outcome(await send('dagdeel', 'agenda'))).toBe('unknown-part');

  const { client } = await joinRoom(server.url, room);
  clients.push(client);
  expect(outcome(await client.request({ type: 'plan-part', plan: 'dagdeel', part: first.part }))).toBe('not-presenter');
  const parts = await stored((store) => store.planParts(room));
  expect(parts.map((part) => part.part)).toEqual([first.part, second.part]);
});

test('the room keeps the most participants that were connected at once', async () => {
  const { presenter, room } = await createRoom(server.url);
  clients.push(presenter);
  const phones = [];
  for (let k = 0; k < 3; k++) phones.push(await joinRoom(server.url, room));
  phones[0]?.client.close();
  phones[1]?.client.close();
  const later = await joinRoom(server.url, room);
  clients.push(later.client, ...phones.map((phone) => phone.client));
  // The server stores a new peak without waiting for it; give it a moment.
  await expect.poll(() => stored(async (store) => (await store.getRoom(room))?.peakParticipants)).toBe(3);
});

test('phones that join at once leave their highest count as the peak, also while the last one is being stored', async () => {
  const { presenter, room } = await createRoom(server.url);
  clients.push(presenter);
  const phones = await Promise.all(Array.from({ length: 40 }, () => joinRoom(server.url, room)));
  clients.push(...phones.map((phone) => phone.client));
  await expect.poll(() => stored(async (store) => (await store.getRoom(room))?.peakParticipants)).toBe(40);
});
