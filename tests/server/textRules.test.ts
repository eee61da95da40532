import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/server/pollBackend.ts';
import type { VoteValue } from '../../src/shared/protocol.ts';
import { dumpDatabase } from './helpers/dbDump.ts';
import { createRoom, joinRoom, type PresenterRoom } from './helpers/rooms.ts';
import { makeDataDir, useTestServer } from './helpers/tempServer.ts';
import type { PollClient } from '../helpers/pollClient.ts';
import { POLLS } from './helpers/testDeck.ts';

// The real server refuses text that looks like something else (src/shared/textRules.ts) with its own
// error code, and stores nothing of it; look-alike words count as one in the word cloud.

const dataDir = makeDataDir();
const databaseFile = join(dataDir, DATABASE_FILE);
const server = useTestServer(() => ({ dataDir }));
let room: PresenterRoom;

beforeAll(async () => {
  room = server.track(await createRoom(server.url));
});

async function participant(): Promise<PollClient> {
  return server.track(await joinRoom(server.url, room.room)).client;
}

describe('answers that would look like something else', () => {
  it.each<[string, string, VoteValue]>([
    ['an override in an open answer', POLLS.open.id, 'goed \u202Etxt.exe'],
    ['a zero-width space in a word', POLLS.wordcloud.id, 'we\u200Brk'],
    ['a lone surrogate in an open answer', POLLS.open.id, 'werk \uD83D'],
    ['Zalgo in a group text', POLLS.group.id, { group: 'Tafel 1', text: 'e\u0300\u0301\u0302\u0303\u0304\u0305' }],
    ['an isolate in a group name', POLLS.group.id, { group: '\u2067Tafel\u2069', text: 'Eerst taal' }],
  ])('refuses %s with bad-text and stores nothing', async (_name, poll, value) => {
    await room.presenter.request({ type: 'show', poll });
    const phone = await participant();
    const before = dumpDatabase(databaseFile);
    const answer = await phone.request({ type: 'vote', poll, value });
    expect(answer).toMatchObject({ type: 'error', code: 'bad-text' });
    expect(dumpDatabase(databaseFile)).toEqual(before);
  });

  it('takes an emoji sequence and Persian with its joiner', async () => {
    await room.presenter.request({ type: 'show', poll: POLLS.open.id });
    const phone = await participant();
    const value = 'Samen 👩\u200D💻 می\u200Cخواهم';
    expect(await phone.request({ type: 'vote', poll: POLLS.open.id, value })).toMatchObject({ type: 'ack', value });
  });

  it('counts full-width and soft-hyphenated look-alikes as one word', async () => {
    await room.presenter.request({ type: 'show', poll: POLLS.wordcloud.id });
    for (const word of ['werk', 'ｗｅｒｋ', 'werk\u00AD']) {
      const phone = await participant();
      expect(await phone.request({ type: 'vote', poll: POLLS.wordcloud.id, value: word })).toMatchObject({
        type: 'ack',
      });
    }
    const results = await room.presenter.waitFor(
      (m) => m.type === 'results' && m.results.poll === POLLS.wordcloud.id && m.results.voters === 3,
    );
    expect(results).toMatchObject({ results: { results: { kind: 'words', words: [{ word: 'werk', count: 3 }] } } });
  });
});
