import { describe, expect, it } from 'vitest';
import type { Deck, WordCloudPoll } from '../../src/shared/deck.ts';
import { ANSWER_PAGE, type OpenAnswer, type PollResults, type ServerMessage } from '../../src/shared/protocol.ts';
import { createRoom, joinRoom, outcome, type JoinedPhone } from './helpers/rooms.ts';
import { makeDataDir, startTestServer, useTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { POLLS, testDeck } from './helpers/testDeck.ts';

// Moderation against the real server: the presenter's results carry a bounded page of the answers
// however many arrive, and the presenter pages through the waiting ones; word clouds can wait for
// approval too, and a word the presenter removes stays off the cloud for the round.

const MODERATED_CLOUD: WordCloudPoll = {
  id: 'woord-keuren',
  type: 'wordcloud',
  question: 'Eén woord, na goedkeuring?',
  options: [],
  moderation: 'approve',
  hidden: false,
};

function moderationDeck(): Deck {
  const deck = testDeck();
  deck.blocks[0]?.polls.push(MODERATED_CLOUD);
  return deck;
}

const server = useTestServer(() => ({ deck: moderationDeck() }));

async function phones(room: string, count: number): Promise<JoinedPhone[]> {
  const joined = await Promise.all(Array.from({ length: count }, () => joinRoom(server.url, room)));
  for (const client of joined.map((phone) => phone.client)) server.track(client);
  return joined;
}

async function phone(room: string): Promise<JoinedPhone> {
  const [joined] = await phones(room, 1);
  if (!joined) throw new Error('no phone');
  return joined;
}

/** The first results message of `poll` passing `test`, among those from now on. */
function resultsWhere(client: PollClient, poll: string, test: (results: PollResults) => boolean) {
  const mark = client.messages.length;
  return client.waitFor<Extract<ServerMessage, { type: 'results' }>>(
    (m) => m.type === 'results' && m.results.poll === poll && test(m.results) && client.messages.indexOf(m) >= mark,
    10_000,
  );
}

const answersOf = (results: PollResults): OpenAnswer[] =>
  results.results.kind === 'answers' ? results.results.answers : [];

describe('a bounded page of answers', () => {
  it('sends the presenter the newest 50 of 200 waiting answers and the count, and pages through the rest', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    server.track(presenter);
    await presenter.request({ type: 'show', poll: POLLS.open.id });
    const voters = await phones(room, 200);
    const allIn = resultsWhere(presenter, POLLS.open.id, (r) => r.voters === 200);
    const acks = await Promise.all(
      voters.map(({ client }, k) => client.request({ type: 'vote', poll: POLLS.open.id, value: `Antwoord ${k}` })),
    );
    expect(acks.map(outcome)).toEqual(voters.map(() => 'ack'));

    const full = await allIn;
    expect(full.results.results).toMatchObject({ kind: 'answers', counts: { approved: 0, pending: 200 } });
    const page = answersOf(full.results);
    expect(page).toHaveLength(ANSWER_PAGE);
    expect(JSON.stringify(full).length).toBeLessThan(8 * 1024);

    // Paging back from the oldest answer shown reaches every one of the 200, each once.
    const seen = new Map(page.map((answer) => [answer.id, answer.text]));
    let before = Math.min(...page.map((answer) => answer.id));
    for (let pages = 0; pages < 10; pages++) {
      const older = await presenter.request({ type: 'pending', poll: POLLS.open.id, before });
      if (older.type !== 'pending-page') throw new Error(JSON.stringify(older));
      expect(older.pending).toBe(200);
      expect(older.answers.length).toBeLessThanOrEqual(ANSWER_PAGE);
      if (older.answers.length === 0) break;
      for (const answer of older.answers) {
        expect(seen.has(answer.id)).toBe(false);
        seen.set(answer.id, answer.text);
      }
      before = Math.min(...older.answers.map((answer) => answer.id));
    }
    expect([...seen.values()].sort()).toEqual(voters.map((_, k) => `Antwoord ${k}`).sort());
    // Without `before`: the newest page, the same as in the results.
    const newest = await presenter.request({ type: 'pending', poll: POLLS.open.id });
    expect(newest).toMatchObject({ type: 'pending-page', round: 1, answers: page, pending: 200 });

    // Approving 60 (from three presenter connections, within each one's message rate): the results
    // hold the newest 50 approved and the newest 50 still waiting.
    const toApprove = [...seen.keys()].sort((a, b) => a - b).slice(0, 60);
    const moderatedResults = resultsWhere(
      presenter,
      POLLS.open.id,
      (r) => r.results.kind === 'answers' && r.results.counts?.approved === 60,
    );
    for (let batch = 0; batch < 3; batch++) {
      const deck = await PollClient.connect(server.url);
      server.track(deck);
      await deck.request({ type: 'present', room, key });
      for (const answer of toApprove.slice(batch * 20, batch * 20 + 20)) {
        expect(outcome(await deck.request({ type: 'approve', poll: POLLS.open.id, answer, approved: true }))).toBe(
          'ok',
        );
      }
    }
    const moderated = await moderatedResults;
    expect(moderated.results.results).toMatchObject({ counts: { approved: 60, pending: 140 } });
    const answers = answersOf(moderated.results);
    expect(answers.filter((answer) => answer.approved).map((answer) => answer.id)).toEqual(toApprove.slice(10));
    expect(answers.filter((answer) => !answer.approved)).toHaveLength(ANSWER_PAGE);
    // Phones see approved answers only, also a page.
    const newcomer = await phone(room);
    const shown = newcomer.snapshot.results[0];
    expect(shown?.results).toMatchObject({ kind: 'answers', counts: { approved: 60, pending: 0 } });
    expect(shown && answersOf(shown).every((answer) => answer.approved)).toBe(true);
    expect(shown && answersOf(shown)).toHaveLength(ANSWER_PAGE);
  });

  it('pages only for the presenter of the room', async () => {
    const { presenter, room } = await createRoom(server.url);
    server.track(presenter);
    const { client } = await phone(room);
    expect(outcome(await client.request({ type: 'pending', poll: POLLS.open.id }))).toBe('not-presenter');
    expect(outcome(await presenter.request({ type: 'pending', poll: 'bestaat-niet' }))).toBe('unknown-poll');
    expect(await presenter.request({ type: 'pending', poll: POLLS.single.id })).toMatchObject({
      type: 'pending-page',
      answers: [],
      pending: 0,
    });
  });
});

describe('word cloud moderation', () => {
  const words = (results: PollResults) => (results.results.kind === 'words' ? results.results.words : []);

  it('keeps a word of a moderated cloud off the screen until the presenter approves it', async () => {
    const { presenter, room } = await createRoom(server.url);
    server.track(presenter);
    await presenter.request({ type: 'show', poll: MODERATED_CLOUD.id });
    const first = await phone(room);
    const second = await phone(room);
    const both = resultsWhere(presenter, MODERATED_CLOUD.id, (r) => r.voters === 2);
    for (const [voter, word] of [
      [first, 'Taal'],
      [second, 'Werk'],
    ] as const) {
      expect(outcome(await voter.client.request({ type: 'vote', poll: MODERATED_CLOUD.id, value: word }))).toBe('ack');
    }
    const waiting = await both;
    expect(waiting.results.results).toMatchObject({ kind: 'words', words: [], pendingTotal: 2 });
    const pending = waiting.results.results.kind === 'words' ? (waiting.results.results.pending ?? []) : [];
    expect(pending.map((answer) => answer.text)).toEqual(['Taal', 'Werk']);
    // Phones see nothing yet.
    const watcher = await phone(room);
    expect(watcher.snapshot.results.map(words)).toEqual([[]]);

    const taal = pending[0]?.id ?? 0;
    const approvedResults = resultsWhere(presenter, MODERATED_CLOUD.id, (r) => words(r).length === 1);
    const seenByPhone = resultsWhere(watcher.client, MODERATED_CLOUD.id, (r) => words(r).length === 1);
    expect(
      outcome(await presenter.request({ type: 'approve', poll: MODERATED_CLOUD.id, answer: taal, approved: true })),
    ).toBe('ok');
    const approved = await approvedResults;
    expect(words(approved.results)).toEqual([{ word: 'taal', count: 1 }]);
    expect(approved.results.results).toMatchObject({ pendingTotal: 1 });
    expect(words((await seenByPhone).results)).toEqual([{ word: 'taal', count: 1 }]);
  });

  it('keeps a removed word off the cloud for the rest of the round, however it is written or sent again', async () => {
    const { presenter, room } = await createRoom(server.url);
    server.track(presenter);
    await presenter.request({ type: 'show', poll: POLLS.wordcloud.id });
    const voters = await phones(room, 5);
    const send = async (k: number, word: string) => {
      const voter = voters[k];
      if (!voter) throw new Error(`no voter ${k}`);
      return outcome(await voter.client.request({ type: 'vote', poll: POLLS.wordcloud.id, value: word }));
    };
    const three = resultsWhere(presenter, POLLS.wordcloud.id, (r) => r.voters === 3);
    expect(await send(0, 'Taal')).toBe('ack');
    expect(await send(1, 'taal!')).toBe('ack');
    expect(await send(2, 'Werk')).toBe('ack');
    expect(words((await three).results)).toEqual([
      { word: 'taal', count: 2 },
      { word: 'werk', count: 1 },
    ]);

    const removed = resultsWhere(presenter, POLLS.wordcloud.id, (r) => words(r).length === 1);
    expect(outcome(await presenter.request({ type: 'remove-word', poll: POLLS.wordcloud.id, word: ' TAAL. ' }))).toBe(
      'ok',
    );
    expect(words((await removed).results)).toEqual([{ word: 'werk', count: 1 }]);
    // Sent again later, by someone else: still off.
    const five = resultsWhere(presenter, POLLS.wordcloud.id, (r) => r.voters === 5);
    expect(await send(3, 'taal')).toBe('ack');
    expect(await send(4, 'Stage')).toBe('ack');
    const later = await five;
    expect(words(later.results)).toEqual([
      { word: 'stage', count: 1 },
      { word: 'werk', count: 1 },
    ]);
    const newcomer = await phone(room);
    expect(newcomer.snapshot.results.map(words)).toEqual([words(later.results)]);

    // A new round starts with a clean cloud: the word may come back.
    const next = resultsWhere(presenter, POLLS.wordcloud.id, (r) => r.round === 2 && r.voters === 1);
    await presenter.request({ type: 'reset', poll: POLLS.wordcloud.id });
    expect(await send(0, 'Taal')).toBe('ack');
    expect(words((await next).results)).toEqual([{ word: 'taal', count: 1 }]);
  });

  it('removes words only from a word cloud, and only for the presenter', async () => {
    const { presenter, room } = await createRoom(server.url);
    server.track(presenter);
    const { client } = await phone(room);
    const remove = { type: 'remove-word', poll: POLLS.wordcloud.id, word: 'taal' } as const;
    expect(outcome(await client.request(remove))).toBe('not-presenter');
    expect(outcome(await presenter.request({ ...remove, poll: POLLS.open.id }))).toBe('unknown-answer');
    expect(outcome(await presenter.request({ ...remove, word: '?!' }))).toBe('unknown-answer');
  });
});

describe('rejecting an answer', () => {
  const texts = (results: PollResults) => answersOf(results).map((answer) => answer.text);
  const countsOf = (results: PollResults) => (results.results.kind === 'answers' ? results.results.counts : undefined);

  /** A room on the open question with `answers.length` phones that each answered. */
  async function answered(url: string, answers: string[]) {
    const room = await createRoom(url);
    await room.presenter.request({ type: 'show', poll: POLLS.open.id });
    const voters = await Promise.all(answers.map(() => joinRoom(url, room.room)));
    const allIn = resultsWhere(room.presenter, POLLS.open.id, (r) => r.voters === answers.length);
    for (const [k, voter] of voters.entries()) {
      const value = answers[k] ?? '';
      expect(outcome(await voter.client.request({ type: 'vote', poll: POLLS.open.id, value }))).toBe('ack');
    }
    const ids = answersOf((await allIn).results).map((answer) => answer.id);
    return { ...room, voters, ids };
  }
  const moderate = (presenter: PollClient, answer: number, approved: boolean) =>
    presenter.request({ type: 'approve', poll: POLLS.open.id, answer, approved });

  it('takes a waiting or an approved answer out of the results; the participant still counts as a voter', async () => {
    const { presenter, room, key, voters, ids } = await answered(server.url, ['Eerste', 'Tweede', 'Derde']);
    for (const client of [presenter, ...voters.map((voter) => voter.client)]) server.track(client);
    const [first, second] = ids as [number, number];
    const onTheWall = resultsWhere(presenter, POLLS.open.id, (r) => countsOf(r)?.approved === 1);
    expect(outcome(await moderate(presenter, second, true))).toBe('ok');
    await onTheWall;
    const watcher = await phone(room);
    expect(watcher.snapshot.results.map(texts)).toEqual([['Tweede']]);

    const rejected = resultsWhere(
      presenter,
      POLLS.open.id,
      (r) => countsOf(r)?.pending === 1 && !texts(r).includes('Eerste'),
    );
    expect(outcome(await moderate(presenter, first, false))).toBe('ok');
    expect(texts((await rejected).results)).toEqual(['Tweede', 'Derde']);
    expect(await presenter.request({ type: 'pending', poll: POLLS.open.id })).toMatchObject({ pending: 1 });

    const offTheWall = resultsWhere(presenter, POLLS.open.id, (r) => countsOf(r)?.approved === 0);
    const offThePhone = resultsWhere(watcher.client, POLLS.open.id, (r) => texts(r).length === 0);
    expect(outcome(await moderate(presenter, second, false))).toBe('ok');
    const after = (await offTheWall).results;
    expect(texts(after)).toEqual(['Derde']);
    expect(countsOf(after)).toEqual({ approved: 0, pending: 1 });
    expect(after.voters).toBe(3);
    expect(texts((await offThePhone).results)).toEqual([]);

    // The export leaves them out too; their participants still count.
    const exported = (file: string) =>
      fetch(`${server.url}/api/rooms/${room}/${file}`, { headers: { Authorization: `Bearer ${key}` } });
    const data = (await (await exported('results.json')).json()) as {
      polls: { poll: string; rounds: { voters: number; results: { answers?: OpenAnswer[] } }[] }[];
    };
    const round = data.polls.find((p) => p.poll === POLLS.open.id)?.rounds[0];
    expect(round?.voters).toBe(3);
    expect(round?.results.answers?.map((answer) => answer.text)).toEqual(['Derde']);
    const csv = await (await exported('results.csv')).text();
    expect(csv).toContain('"Derde"');
    expect(csv).not.toMatch(/Eerste|Tweede/);
  });

  it('puts a new answer of the participant in the queue again', async () => {
    const { presenter, voters, ids } = await answered(server.url, ['Eerste']);
    for (const client of [presenter, ...voters.map((voter) => voter.client)]) server.track(client);
    const gone = resultsWhere(presenter, POLLS.open.id, (r) => texts(r).length === 0);
    expect(outcome(await moderate(presenter, ids[0] ?? -1, false))).toBe('ok');
    await gone;
    const back = resultsWhere(presenter, POLLS.open.id, (r) => texts(r).includes('Nieuw'));
    const value = 'Nieuw';
    const [voter] = voters;
    if (!voter) throw new Error('no voter');
    expect(outcome(await voter.client.request({ type: 'vote', poll: POLLS.open.id, value }))).toBe('ack');
    const results = (await back).results;
    expect(answersOf(results)).toEqual([{ id: ids[0], text: 'Nieuw', approved: false }]);
    expect(countsOf(results)).toEqual({ approved: 0, pending: 1 });
  });

  it('is for the presenter only, and an unknown answer changes nothing', async () => {
    const { presenter, room, voters, ids } = await answered(server.url, ['Eerste']);
    for (const client of [presenter, ...voters.map((voter) => voter.client)]) server.track(client);
    const id = ids[0] ?? -1;
    const voter = voters[0]?.client;
    if (!voter) throw new Error('no voter');
    const hostile = { type: 'approve', poll: POLLS.open.id, answer: id, approved: false } as const;
    expect(outcome(await voter.request(hostile))).toBe('not-presenter');
    expect(outcome(await moderate(presenter, id + 1000, false))).toBe('unknown-answer');
    expect(outcome(await presenter.request({ ...hostile, poll: POLLS.single.id }))).toBe('unknown-answer');
    expect(outcome(await presenter.request({ ...hostile, poll: 'bestaat-niet' }))).toBe('unknown-poll');
    const page = await presenter.request({ type: 'pending', poll: POLLS.open.id });
    expect(page).toMatchObject({ type: 'pending-page', pending: 1, answers: [{ id, text: 'Eerste' }] });
    const onTheWall = resultsWhere(presenter, POLLS.open.id, (r) => countsOf(r)?.approved === 1);
    expect(outcome(await moderate(presenter, id, true))).toBe('ok');
    await onTheWall;
    const watcher = await phone(room);
    expect(watcher.snapshot.results.map(texts)).toEqual([['Eerste']]);
  });

  it('stays rejected after a server restart', async () => {
    const dataDir = makeDataDir();
    let own = await startTestServer({ dataDir, deck: moderationDeck() });
    const { presenter, room, key, voters, ids } = await answered(own.url, ['Eerste', 'Tweede']);
    const id = ids[0] ?? -1;
    expect(outcome(await moderate(presenter, id, false))).toBe('ok');
    for (const client of [presenter, ...voters.map((voter) => voter.client)]) client.close();
    await own.close();
    own = await startTestServer({ dataDir, deck: moderationDeck() });
    try {
      const again = await PollClient.connect(own.url);
      const snapshot = await again.request({ type: 'present', room, key });
      expect(snapshot.type).toBe('snapshot');
      const results = snapshot.type === 'snapshot' ? snapshot.results.find((r) => r.poll === POLLS.open.id) : undefined;
      expect(results && texts(results)).toEqual(['Tweede']);
      expect(results?.voters).toBe(2);
      again.close();
    } finally {
      await own.close();
    }
  });
});
