import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/server/participantLimits.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { useTestServer } from './helpers/tempServer.ts';
import { POLLS } from './helpers/testDeck.ts';

// Votes count for the poll on screen, and for a short grace after the presenter moved on (a phone that
// was sending its answer as the slide changed); after that they are refused with `not-current`. The
// grace is measured with the server's clock, which this test moves by hand.

const GRACE_MS = DEFAULT_LIMITS.voteGraceMs;
let clock = Date.now();
const server = useTestServer(() => ({ now: () => clock }));

describe('votes for the poll on screen', () => {
  it('takes votes for the poll the presenter just left during the grace, and refuses them after it', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    server.track(presenter);
    await presenter.request({ type: 'show', poll: POLLS.single.id });
    const phones = await Promise.all([0, 1, 2].map(() => joinRoom(server.url, room)));
    for (const client of phones.map((phone) => phone.client)) server.track(client);
    const vote = async (phone: number, poll: string, value: number) =>
      outcome(await (phones[phone]?.client ?? presenter).request({ type: 'vote', poll, value }));

    expect(await vote(0, POLLS.single.id, 0)).toBe('ack');
    // The presenter moves on; the second phone was just sending.
    await presenter.request({ type: 'show', poll: POLLS.scale.id });
    clock += GRACE_MS - 1;
    expect(await vote(1, POLLS.single.id, 1)).toBe('ack');
    clock += 1;
    expect(await vote(2, POLLS.single.id, 2)).toBe('not-current');
    // A changed mind after the grace is refused too; the new poll takes votes.
    expect(await vote(0, POLLS.single.id, 2)).toBe('not-current');
    expect(await vote(2, POLLS.scale.id, 3)).toBe('ack');

    // A slide without poll: the last poll gets its grace, then nothing takes votes.
    await presenter.request({ type: 'show', poll: null });
    expect(await vote(0, POLLS.scale.id, 4)).toBe('ack');
    clock += GRACE_MS;
    expect(await vote(1, POLLS.scale.id, 5)).toBe('not-current');

    // Back on the first poll: it takes votes again.
    await presenter.request({ type: 'show', poll: POLLS.single.id });
    expect(await vote(2, POLLS.single.id, 2)).toBe('ack');

    const results = await presenter.request({ type: 'present', room, key });
    expect(results).toMatchObject({ type: 'snapshot' });
    const counts = (poll: string) =>
      results.type === 'snapshot' ? results.results.find((r) => r.poll === poll)?.results : undefined;
    expect(counts(POLLS.single.id)).toEqual({ kind: 'counts', counts: [1, 1, 1] });
    expect(counts(POLLS.scale.id)).toMatchObject({ kind: 'scale', counts: [0, 0, 1, 1, 0] });
  });

  it('refuses votes for a poll that is open but was never on screen', async () => {
    const { presenter, room } = await createRoom(server.url);
    server.track(presenter);
    await presenter.request({ type: 'show', poll: POLLS.single.id });
    expect(outcome(await presenter.request({ type: 'open', poll: POLLS.ranking.id }))).toBe('ok');
    const phone = await joinRoom(server.url, room);
    server.track(phone.client);
    const answer = await phone.client.request({ type: 'vote', poll: POLLS.ranking.id, value: [0, 1, 2] });
    expect(answer).toMatchObject({ type: 'error', code: 'not-current', message: expect.stringMatching(/screen/) });
  });
});
