import { describe, expect, it } from 'vitest';
import type { PollResults, ServerMessage } from '../../src/shared/protocol.ts';
import { createRoom, joinRoom, outcome, type PresenterRoom } from './helpers/rooms.ts';
import { useTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { POLLS } from './helpers/testDeck.ts';

// The real poll server on an ephemeral port with a temporary database, driven over WebSockets.

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;

const server = useTestServer();
const track = server.track;

async function presenterRoom(): Promise<PresenterRoom> {
  const room = await createRoom(server.url);
  track(room.presenter);
  return room;
}

/** The presenter's latest results message for a poll that satisfies `test`. */
function resultsWhere(client: PollClient, poll: string, test: (results: PollResults) => boolean) {
  return client.waitFor<Extract<ServerMessage, { type: 'results' }>>(
    (m) => m.type === 'results' && m.results.poll === poll && test(m.results),
  );
}

async function exportJson(room: string, key: string) {
  const response = await fetch(`${server.url}/api/rooms/${room}/results.json`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  return (await response.json()) as {
    polls: { poll: string; rounds: { round: number; voters: number; results: unknown }[] }[];
  };
}

describe('poll server', () => {
  it('counts fifty participants voting at once; a second vote replaces the first, never doubles', async () => {
    const { presenter, room, key } = await presenterRoom();
    expect(outcome(await presenter.request({ type: 'show', poll: POLLS.single.id }))).toBe('ok');

    const phones = await Promise.all(Array.from({ length: 50 }, () => joinRoom(server.url, room).then(track)));
    expect(phones.every(({ snapshot }) => snapshot.current?.poll === POLLS.single.id && snapshot.current.open)).toBe(
      true,
    );
    const firstVotes = await Promise.all(
      phones.map(({ client }, k) => client.request({ type: 'vote', poll: POLLS.single.id, value: k % 3 })),
    );
    expect(firstVotes.map(outcome)).toEqual(phones.map(() => 'ack'));

    // The first ten change their minds: all to option 2.
    const changed = await Promise.all(
      phones.slice(0, 10).map(({ client }) => client.request({ type: 'vote', poll: POLLS.single.id, value: 2 })),
    );
    expect(changed.map(outcome)).toEqual(changed.map(() => 'ack'));

    const finalVotes = phones.map((_, k) => (k < 10 ? 2 : k % 3));
    const expected = [0, 1, 2].map((option) => finalVotes.filter((v) => v === option).length);
    const final = await resultsWhere(presenter, POLLS.single.id, (r) => r.voters === 50 && sameCounts(r, expected));
    expect(final.results).toEqual({
      poll: POLLS.single.id,
      round: 1,
      voters: 50,
      results: { kind: 'counts', counts: expected },
    });

    const exported = await exportJson(room, key);
    expect(exported.polls[0]?.rounds[0]).toMatchObject({ round: 1, voters: 50, results: { counts: expected } });
    await presenter.waitFor((m) => m.type === 'presence' && m.participants === 50);
  });

  it('refuses votes before joining, for unknown polls, closed polls and options a poll does not have', async () => {
    const { presenter, room, key } = await presenterRoom();
    const stranger = track(await PollClient.connect(server.url));
    expect(outcome(await stranger.request({ type: 'vote', poll: POLLS.single.id, value: 0 }))).toBe('not-joined');

    const { client } = track(await joinRoom(server.url, room));
    const vote = async (poll: string, value: number | number[] | string) =>
      outcome(await client.request({ type: 'vote', poll, value }));

    expect(await vote('bestaat-niet', 0)).toBe('unknown-poll');
    expect(await vote(POLLS.single.id, 0)).toBe('poll-closed'); // never shown: no round yet

    // Each poll on screen in turn (showing it the first time opens it): votes count for the poll on screen.
    const onScreen = async (poll: string, value: number | number[] | string) => {
      expect(outcome(await presenter.request({ type: 'show', poll }))).toBe('ok');
      return vote(poll, value);
    };
    expect(await onScreen(POLLS.single.id, 3)).toBe('bad-vote');
    expect(await vote(POLLS.single.id, [0])).toBe('bad-vote');
    expect(await onScreen(POLLS.multiple.id, [0, 1, 2])).toBe('bad-vote');
    expect(await vote(POLLS.multiple.id, [1, 1])).toBe('bad-vote');
    expect(await onScreen(POLLS.ranking.id, [0, 1])).toBe('bad-vote');
    expect(await onScreen(POLLS.scale.id, 9)).toBe('bad-vote');
    expect(await onScreen(POLLS.wordcloud.id, 'x'.repeat(41))).toBe('bad-vote');

    expect(await onScreen(POLLS.single.id, 1)).toBe('ack');
    await presenter.request({ type: 'close', poll: POLLS.single.id });
    expect(await vote(POLLS.single.id, 2)).toBe('poll-closed');

    const exported = await exportJson(room, key);
    const single = exported.polls.find((p) => p.poll === POLLS.single.id);
    expect(single?.rounds).toEqual([{ round: 1, voters: 1, results: { kind: 'counts', counts: [0, 1, 0] } }]);
    for (const poll of exported.polls.filter((p) => p.poll !== POLLS.single.id)) {
      expect(poll.rounds[0]?.voters).toBe(0);
    }
  });

  it('refuses presenter actions without the key', async () => {
    const { room } = await presenterRoom();
    const { client } = track(await joinRoom(server.url, room));
    const actions = [
      { type: 'show', poll: POLLS.single.id },
      { type: 'open', poll: POLLS.single.id },
      { type: 'close', poll: POLLS.single.id },
      { type: 'reveal', poll: POLLS.hidden.id, revealed: true },
      { type: 'reset', poll: POLLS.single.id },
      { type: 'approve', poll: POLLS.open.id, answer: 1, approved: true },
    ] as const;
    for (const action of actions) expect(outcome(await client.request(action))).toBe('not-presenter');

    const intruder = track(await PollClient.connect(server.url));
    const wrongKey = await intruder.request({ type: 'present', room, key: 'x'.repeat(32) });
    expect(outcome(wrongKey)).toBe('not-presenter');
    expect(outcome(await intruder.request({ type: 'show', poll: POLLS.single.id }))).toBe('not-presenter');

    // Nothing changed: a newcomer sees no poll on screen.
    const { snapshot } = track(await joinRoom(server.url, room));
    expect(snapshot.current).toBeNull();
  });

  it('answers malformed messages with an error, and the server and other clients carry on', async () => {
    const { presenter, room } = await presenterRoom();
    await presenter.request({ type: 'show', poll: POLLS.scale.id });
    const bystander = track(await joinRoom(server.url, room));
    const { client } = track(await joinRoom(server.url, room));

    const errorAfter = async (data: string | Buffer) => {
      const seen = client.messages.length;
      client.sendRaw(data);
      // Broadcasts (presence) may arrive in between: the answer is the next error.
      const answer = await client.waitFor((m) => m.type === 'error' && client.messages.indexOf(m) >= seen);
      return answer.type === 'error' ? `${answer.code}: ${answer.message}` : answer.type;
    };
    expect(await errorAfter('{"type":"vote",')).toMatch(/^bad-message: .*JSON/);
    expect(await errorAfter('{"type":"shutdown"}')).toMatch(/^bad-message: unknown message type/);
    expect(await errorAfter('[1,2,3]')).toMatch(/^bad-message/);
    expect(await errorAfter(Buffer.from([0xff, 0x00, 0x13]))).toMatch(/^bad-message/);
    expect(await errorAfter(JSON.stringify({ type: 'vote', poll: POLLS.scale.id, value: 3, extra: 1 }))).toMatch(
      /^bad-message: vote: unknown field extra/,
    );
    // The same client is still in the room and can vote.
    expect(outcome(await client.request({ type: 'vote', poll: POLLS.scale.id, value: 3 }))).toBe('ack');

    // Over the size limit the socket is closed (1009: message too big); nobody else notices.
    client.sendRaw(JSON.stringify({ type: 'vote', poll: POLLS.scale.id, value: 'x'.repeat(5000) }));
    expect((await client.closed).code).toBe(1009);
    expect(outcome(await bystander.client.request({ type: 'vote', poll: POLLS.scale.id, value: 4 }))).toBe('ack');
    await resultsWhere(presenter, POLLS.scale.id, (r) => r.voters === 2);
  });

  it('rate-limits a flooding connection and then closes it', async () => {
    const flooder = track(await PollClient.connect(server.url));
    for (let k = 0; k < 300; k++) flooder.sendRaw({ type: 'show', poll: null, ref: k });
    await flooder.waitFor((m) => m.type === 'error' && m.code === 'rate-limited');
    expect((await flooder.closed).code).toBe(1008);
    // Refused requests are answered like any other: with their ref, in the order they were sent.
    const refs = flooder.messages.flatMap((m) => ('ref' in m && m.ref !== undefined ? [m.ref] : []));
    expect(refs.length).toBeGreaterThan(0);
    expect(refs).toEqual([...refs].sort((a, b) => a - b));
    const refused = flooder.messages.filter((m) => m.type === 'error' && m.code === 'rate-limited');
    expect(refused.every((m) => 'ref' in m && typeof m.ref === 'number')).toBe(true);
    // Others are not affected.
    const { presenter } = await presenterRoom();
    expect(outcome(await presenter.request({ type: 'show', poll: null }))).toBe('ok');
  });

  it('shows participants results only when revealed, and open answers only when approved', async () => {
    const { presenter, room } = await presenterRoom();
    await presenter.request({ type: 'show', poll: POLLS.hidden.id });
    const phone = track(await joinRoom(server.url, room));
    expect(phone.snapshot.current).toMatchObject({ poll: POLLS.hidden.id, open: true, revealed: false });
    expect(await phone.client.request({ type: 'vote', poll: POLLS.hidden.id, value: 1 })).toMatchObject({
      type: 'ack',
    });
    await resultsWhere(presenter, POLLS.hidden.id, (r) => r.voters === 1);

    const before = track(await joinRoom(server.url, room));
    expect(before.snapshot.results).toEqual([]);
    await presenter.request({ type: 'reveal', poll: POLLS.hidden.id, revealed: true });
    await phone.client.waitFor((m) => m.type === 'state' && m.changed.poll === POLLS.hidden.id && m.changed.revealed);
    await resultsWhere(phone.client, POLLS.hidden.id, (r) => r.voters === 1);
    const after = track(await joinRoom(server.url, room));
    expect(after.snapshot.results).toEqual([
      { poll: POLLS.hidden.id, round: 1, voters: 1, results: { kind: 'counts', counts: [0, 1] } },
    ]);

    await presenter.request({ type: 'show', poll: POLLS.open.id });
    const answer = await phone.client.request({ type: 'vote', poll: POLLS.open.id, value: '  <b>Eerst taal</b>  ' });
    expect(answer).toMatchObject({ type: 'ack', value: '<b>Eerst taal</b>' });
    const pending = await resultsWhere(presenter, POLLS.open.id, (r) => r.voters === 1);
    const answers = pending.results.results.kind === 'answers' ? pending.results.results.answers : [];
    expect(answers).toEqual([{ id: expect.any(Number), text: '<b>Eerst taal</b>', approved: false }]);
    const unapproved = track(await joinRoom(server.url, room));
    expect(unapproved.snapshot.results).toMatchObject([{ poll: POLLS.open.id, results: { answers: [] } }]);

    expect(
      outcome(await presenter.request({ type: 'approve', poll: POLLS.open.id, answer: 999_999, approved: true })),
    ).toBe('unknown-answer');
    const id = answers[0]?.id ?? -1;
    expect(outcome(await presenter.request({ type: 'approve', poll: POLLS.open.id, answer: id, approved: true }))).toBe(
      'ok',
    );
    await resultsWhere(
      phone.client,
      POLLS.open.id,
      (r) => r.results.kind === 'answers' && r.results.answers.length === 1 && r.results.answers[0]?.approved === true,
    );
    const approved = track(await joinRoom(server.url, room));
    expect(approved.snapshot.results).toMatchObject([{ results: { answers: [{ id, text: '<b>Eerst taal</b>' }] } }]);
  });

  it('starts a new round on reset and keeps the old one for the export', async () => {
    const { presenter, room, key } = await presenterRoom();
    await presenter.request({ type: 'show', poll: POLLS.ranking.id });
    const { client } = track(await joinRoom(server.url, room));
    expect(await client.request({ type: 'vote', poll: POLLS.ranking.id, value: [2, 0, 1] })).toMatchObject({
      round: 1,
    });
    await presenter.request({ type: 'close', poll: POLLS.ranking.id });
    expect(outcome(await presenter.request({ type: 'reset', poll: POLLS.ranking.id }))).toBe('ok');
    await client.waitFor((m) => m.type === 'state' && m.changed.round === 2 && m.changed.open);
    expect(await client.request({ type: 'vote', poll: POLLS.ranking.id, value: [0, 1, 2] })).toMatchObject({
      round: 2,
    });

    const exported = await exportJson(room, key);
    expect(exported.polls.find((p) => p.poll === POLLS.ranking.id)?.rounds).toEqual([
      { round: 1, voters: 1, results: { kind: 'ranking', scores: [1, 0, 2] } },
      { round: 2, voters: 1, results: { kind: 'ranking', scores: [2, 1, 0] } },
    ]);
  });

  it('gives a full snapshot on every (re)join, with the participant’s own vote', async () => {
    const { presenter, room, key } = await presenterRoom();
    await presenter.request({ type: 'show', poll: POLLS.multiple.id });
    const first = track(await joinRoom(server.url, room));
    expect(first.snapshot.myVote).toBeNull();
    await first.client.request({ type: 'vote', poll: POLLS.multiple.id, value: [3, 1] });
    first.client.close();

    const again = track(await joinRoom(server.url, room, first.identity));
    expect(again.identity).toBe(first.identity);
    expect(again.snapshot).toMatchObject({
      type: 'snapshot',
      room,
      role: 'participant',
      current: { poll: POLLS.multiple.id, round: 1, open: true, revealed: true },
      polls: [{ poll: POLLS.multiple.id }],
      myVote: [3, 1],
    });

    const deck = track(await PollClient.connect(server.url));
    const presenterSnapshot = (await deck.request({ type: 'present', room, key })) as Snapshot;
    expect(presenterSnapshot).toMatchObject({ role: 'presenter', current: { poll: POLLS.multiple.id }, myVote: null });
    expect(presenterSnapshot.results).toEqual([
      { poll: POLLS.multiple.id, round: 1, voters: 1, results: { kind: 'counts', counts: [0, 1, 0, 1] } },
    ]);
  });

  it('tells everyone in the room which poll is on screen', async () => {
    const { presenter, room } = await presenterRoom();
    const { client } = track(await joinRoom(server.url, room));
    await presenter.request({ type: 'show', poll: POLLS.wordcloud.id });
    await client.waitFor((m) => m.type === 'state' && m.current?.poll === POLLS.wordcloud.id);
    await presenter.request({ type: 'show', poll: null });
    await client.waitFor((m) => m.type === 'state' && m.current === null);
    expect(outcome(await presenter.request({ type: 'show', poll: 'bestaat-niet' }))).toBe('unknown-poll');
  });

  it('asks for an unknown room to be created', async () => {
    const client = track(await PollClient.connect(server.url));
    expect(outcome(await client.request({ type: 'join', room: 'ZZZZZZ' }))).toBe('unknown-room');
    expect(outcome(await client.request({ type: 'present', room: 'ZZZZZZ', key: 'k'.repeat(32) }))).toBe(
      'unknown-room',
    );
  });
});

function sameCounts(results: PollResults, expected: number[]): boolean {
  return results.results.kind === 'counts' && results.results.counts.every((count, k) => count === expected[k]);
}
