import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer.ts';
import type { PollResults, ServerMessage } from '../../src/shared/protocol.ts';
import { describeWithPostgres, freshDatabase } from '../helpers/postgres.ts';
import { createRoom, joinRoom, outcome, type PresenterRoom } from './helpers/rooms.ts';
import { startTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { CASE_SLUG, POLLS } from './helpers/testDeck.ts';

// Two instances of the poll server on one PostgreSQL database, as behind a load balancer: the
// presenter on instance B, the phones on instance A. What the presenter does reaches the phones, what
// the phones send reaches the presenter, and a lost LISTEN connection is made good by a resync.

const resultsOf = (client: PollClient, poll: string, test: (results: PollResults) => boolean) =>
  client.waitFor((m) => m.type === 'results' && m.results.poll === poll && test(m.results), 10_000);

const stateOf = (client: PollClient, test: (m: Extract<ServerMessage, { type: 'state' }>) => boolean) =>
  client.waitFor((m) => m.type === 'state' && test(m), 10_000);

describeWithPostgres('two instances on one PostgreSQL database', () => {
  let url: string;
  let a: RunningServer;
  let b: RunningServer;
  let room: PresenterRoom;
  const clients: PollClient[] = [];

  beforeAll(async () => {
    url = await freshDatabase();
    [a, b] = await Promise.all([startTestServer({ databaseUrl: url }), startTestServer({ databaseUrl: url })]);
    room = await createRoom(b.url);
    clients.push(room.presenter);
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all([a?.close(), b?.close()]);
  });

  const phoneOnA = async () => {
    const phone = await joinRoom(a.url, room.room);
    clients.push(phone.client);
    return phone;
  };

  it('shows the presenter’s poll on the phones of the other instance, and their votes to the presenter', async () => {
    const phone = await phoneOnA();
    expect(outcome(await room.presenter.request({ type: 'show', poll: POLLS.single.id }))).toBe('ok');
    await stateOf(phone.client, (m) => m.current?.poll === POLLS.single.id && m.current.open);

    const others = await Promise.all([phoneOnA(), phoneOnA()]);
    const votes = [phone, ...others].map((p, k) => p.client.request({ type: 'vote', poll: POLLS.single.id, value: k }));
    expect((await Promise.all(votes)).map(outcome)).toEqual(['ack', 'ack', 'ack']);
    await resultsOf(room.presenter, POLLS.single.id, (results) => results.voters === 3);
    // The phones see the results the presenter revealed, from the stored votes.
    await resultsOf(phone.client, POLLS.single.id, (results) => results.voters === 3);
  });

  it('closes the poll for the phones of the other instance: their vote is refused', async () => {
    const phone = await phoneOnA();
    expect(outcome(await room.presenter.request({ type: 'close', poll: POLLS.single.id }))).toBe('ok');
    await stateOf(phone.client, (m) => m.changed.poll === POLLS.single.id && !m.changed.open);
    expect(outcome(await phone.client.request({ type: 'vote', poll: POLLS.single.id, value: 1 }))).toBe('poll-closed');
  });

  it('runs the countdown on the phones of the other instance, and keeps it for a phone that joins later', async () => {
    const phone = await phoneOnA();
    const timer = { exercise: CASE_SLUG, seconds: 600, remainingMs: 600_000, running: true };
    expect(outcome(await room.presenter.request({ type: 'timer', timer }))).toBe('ok');
    await phone.client.waitFor((m) => m.type === 'timer' && m.timer?.running === true, 10_000);
    const later = await phoneOnA();
    expect(later.snapshot.timer?.exercise).toBe(CASE_SLUG);
    expect(outcome(await room.presenter.request({ type: 'timer', timer: null }))).toBe('ok');
    await phone.client.waitFor((m) => m.type === 'timer' && m.timer === null, 10_000);
  });

  it('moves the audience view of a presenter window on the other instance', async () => {
    const audience = await PollClient.connect(a.url);
    clients.push(audience);
    expect(outcome(await audience.request({ type: 'present', room: room.room, key: room.key }))).toBe('snapshot');
    const view = { slide: { h: 6, v: 1 }, black: true, at: Date.now() };
    expect(outcome(await room.presenter.request({ type: 'view', view }))).toBe('ok');
    await audience.waitFor((m) => m.type === 'view' && m.view.at === view.at && m.view.black, 10_000);
  });

  it('shows an answer approved on the presenter’s instance to the phones of the other', async () => {
    const phone = await phoneOnA();
    await room.presenter.request({ type: 'show', poll: POLLS.open.id });
    await stateOf(phone.client, (m) => m.current?.poll === POLLS.open.id);
    expect(outcome(await phone.client.request({ type: 'vote', poll: POLLS.open.id, value: 'Een idee' }))).toBe('ack');
    const waiting = await resultsOf(
      room.presenter,
      POLLS.open.id,
      (r) => r.results.kind === 'answers' && r.voters === 1,
    );
    const answer =
      waiting.type === 'results' && waiting.results.results.kind === 'answers'
        ? waiting.results.results.answers[0]
        : undefined;
    expect(answer?.approved).toBe(false);
    await room.presenter.request({ type: 'approve', poll: POLLS.open.id, answer: answer?.id ?? -1, approved: true });
    await resultsOf(
      phone.client,
      POLLS.open.id,
      (r) => r.results.kind === 'answers' && r.results.answers.some((shown) => shown.text === 'Een idee'),
    );
    // Rejected on B: off the phones of A as well (a message from now on; earlier ones had no answer either).
    const mark = phone.client.messages.length;
    await room.presenter.request({ type: 'approve', poll: POLLS.open.id, answer: answer?.id ?? -1, approved: false });
    await phone.client.waitFor(
      (m) =>
        phone.client.messages.indexOf(m) >= mark &&
        m.type === 'results' &&
        m.results.poll === POLLS.open.id &&
        m.results.results.kind === 'answers' &&
        m.results.results.answers.length === 0 &&
        m.results.voters === 1,
      10_000,
    );
  });

  it('after its LISTEN connection is cut, resyncs and shows what changed meanwhile', async () => {
    const phone = await phoneOnA();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN room_changes' AND datname = current_database()",
    );
    await admin.end();
    // Made while the instances listen again: the notification may be lost, the resync is not.
    await room.presenter.request({ type: 'show', poll: POLLS.scale.id });
    await stateOf(phone.client, (m) => m.current?.poll === POLLS.scale.id);
    expect(outcome(await phone.client.request({ type: 'vote', poll: POLLS.scale.id, value: 3 }))).toBe('ack');
    await resultsOf(room.presenter, POLLS.scale.id, (results) => results.voters === 1);
  });

  it('tells the presenter how many participants the room has on both instances, and a phone that joins', async () => {
    const fresh = await createRoom(b.url);
    clients.push(fresh.presenter);
    const onA = await Promise.all([joinRoom(a.url, fresh.room), joinRoom(a.url, fresh.room)]);
    const onB = await joinRoom(b.url, fresh.room);
    clients.push(...onA.map((phone) => phone.client), onB.client);
    const presence = (client: PollClient, participants: number) =>
      client.waitFor((m) => m.type === 'presence' && m.participants === participants, 10_000);
    await presence(fresh.presenter, 3);
    // A phone that joins later sees the total in its snapshot.
    const later = await joinRoom(b.url, fresh.room);
    clients.push(later.client);
    expect(later.snapshot.participants).toBe(4);
    // One leaves on A: the presenter on B counts it gone.
    onA[0]?.client.close();
    await presence(fresh.presenter, 3);
  });
});
