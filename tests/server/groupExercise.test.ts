import { describe, expect, it } from 'vitest';
import type { PollResults, ServerMessage, TimerState } from '../../src/shared/protocol.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { useTestServer } from './helpers/tempServer.ts';
import type { PollClient } from '../helpers/pollClient.ts';
import { CASE_SLUG, POLLS } from './helpers/testDeck.ts';

// A case's group exercise on the real server: the countdown the deck passes on to the phones, and the
// group answers that wait for the presenter before anyone else sees them.

const server = useTestServer();
const track = server.track;

const answersOf = (results: PollResults) => (results.results.kind === 'answers' ? results.results.answers : []);

function resultsWhere(client: PollClient, test: (results: PollResults) => boolean) {
  return client.waitFor<Extract<ServerMessage, { type: 'results' }>>(
    (m) => m.type === 'results' && m.results.poll === POLLS.group.id && test(m.results),
  );
}

describe('group answers', () => {
  it('reach the presenter with their group names, and the others only once approved and shown', async () => {
    const { presenter, room } = await createRoom(server.url);
    track(presenter);
    await presenter.request({ type: 'show', poll: POLLS.group.id });
    const groupA = track(await joinRoom(server.url, room));
    const groupB = track(await joinRoom(server.url, room));

    const ackA = await groupA.client.request({
      type: 'vote',
      poll: POLLS.group.id,
      value: { group: '  Tafel 1 ', text: 'Eerst de taal, dan werk.' },
    });
    expect(ackA).toMatchObject({ type: 'ack', value: { group: 'Tafel 1', text: 'Eerst de taal, dan werk.' } });
    await groupB.client.request({
      type: 'vote',
      poll: POLLS.group.id,
      value: { group: 'Tafel 2', text: '<i>Werk</i>' },
    });

    const both = await resultsWhere(presenter, (r) => r.voters === 2);
    expect(answersOf(both.results)).toEqual([
      { id: expect.any(Number), group: 'Tafel 1', text: 'Eerst de taal, dan werk.', approved: false },
      { id: expect.any(Number), group: 'Tafel 2', text: '<i>Werk</i>', approved: false },
    ]);

    // Group answers start hidden, and a hidden poll tells the phones nothing.
    const [first] = answersOf(both.results);
    await presenter.request({ type: 'approve', poll: POLLS.group.id, answer: first?.id ?? -1, approved: true });
    await presenter.request({ type: 'reveal', poll: POLLS.group.id, revealed: true });
    const shown = await resultsWhere(groupB.client, (r) => answersOf(r).length === 1);
    expect(answersOf(shown.results)).toEqual([
      { id: first?.id, group: 'Tafel 1', text: 'Eerst de taal, dan werk.', approved: true },
    ]);
  });

  it('refuses a group answer without a group name, without text, or with too long a name', async () => {
    const { presenter, room } = await createRoom(server.url);
    track(presenter);
    await presenter.request({ type: 'show', poll: POLLS.group.id });
    const { client } = track(await joinRoom(server.url, room));
    for (const value of [
      { group: ' ', text: 'Iets' },
      { group: 'Tafel 3', text: '' },
      { group: 'x'.repeat(41), text: 'Iets' },
      'alleen tekst',
      { group: 'Tafel 3', text: 'Iets', extra: true },
    ]) {
      const answer = await client.request({ type: 'vote', poll: POLLS.group.id, value } as never);
      expect([outcome(answer), value]).toEqual([expect.stringMatching(/^(bad-vote|bad-message)$/), value]);
    }
    const after = track(await joinRoom(server.url, room));
    expect(after.snapshot.myVote).toBeNull();
  });
});

describe('the group exercise countdown', () => {
  const timer: TimerState = { exercise: CASE_SLUG, seconds: 600, remainingMs: 600_000, running: true };

  it('goes from the presenter to every phone, and a phone that joins later gets it counted down', async () => {
    const { presenter, room } = await createRoom(server.url);
    track(presenter);
    const phone = track(await joinRoom(server.url, room));
    expect(phone.snapshot.timer).toBeNull();

    expect(outcome(await presenter.request({ type: 'timer', timer }))).toBe('ok');
    const passed = await phone.client.waitFor<Extract<ServerMessage, { type: 'timer' }>>((m) => m.type === 'timer');
    expect(passed.timer).toMatchObject({ exercise: CASE_SLUG, seconds: 600, running: true });
    expect(passed.timer?.remainingMs).toBeLessThanOrEqual(600_000);

    await new Promise((resolve) => setTimeout(resolve, 120));
    const late = track(await joinRoom(server.url, room));
    expect(late.snapshot.timer?.running).toBe(true);
    expect(late.snapshot.timer?.remainingMs).toBeLessThan(600_000);

    const paused: TimerState = { ...timer, remainingMs: 423_000, running: false };
    await presenter.request({ type: 'timer', timer: paused });
    const again = track(await joinRoom(server.url, room));
    expect(again.snapshot.timer).toEqual(paused);

    await presenter.request({ type: 'timer', timer: null });
    const cleared = await phone.client.waitFor<Extract<ServerMessage, { type: 'timer' }>>(
      (m) => m.type === 'timer' && m.timer === null,
    );
    expect(cleared.timer).toBeNull();
  });

  it('is the presenter’s alone, for a case the deck has, within its own length', async () => {
    const { presenter, room } = await createRoom(server.url);
    track(presenter);
    const phone = track(await joinRoom(server.url, room));
    expect(outcome(await phone.client.request({ type: 'timer', timer }))).toBe('not-presenter');
    expect(outcome(await presenter.request({ type: 'timer', timer: { ...timer, exercise: 'casus-onbekend' } }))).toBe(
      'unknown-exercise',
    );
    expect(outcome(await presenter.request({ type: 'timer', timer: { ...timer, remainingMs: 600_001 } }))).toBe(
      'bad-message',
    );
    const later = track(await joinRoom(server.url, room));
    expect(later.snapshot.timer).toBeNull();
  });
});
