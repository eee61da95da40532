import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer.ts';
import type { PollResults, ServerMessage } from '../../src/shared/protocol.ts';
import { describeWithPostgres, freshDatabase } from '../helpers/postgres.ts';
import { postgresBinDir, startTestCluster, type TestCluster } from '../helpers/postgresCluster.ts';
import { startTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';

// The poll server on PostgreSQL (DATABASE_URL): the same room after the server is replaced, and
// PostgreSQL restarting in the middle of voting: no acknowledgement without a commit, nothing
// acknowledged lost.

const storedVotes = async (url: string, room: string): Promise<string[]> => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ participant: string }>(
    'SELECT participant FROM votes WHERE room = $1 ORDER BY participant',
    [room],
  );
  await client.end();
  return rows.map((row) => row.participant);
};

async function presenterOf(server: RunningServer): Promise<{ presenter: PollClient; room: string; key: string }> {
  const presenter = await PollClient.connect(server.url);
  const created = await presenter.request({ type: 'create-room' });
  if (created.type !== 'room-created') throw new Error('no room');
  await presenter.request({ type: 'present', room: created.room, key: created.key });
  await presenter.request({ type: 'show', poll: 'kies-een' });
  return { presenter, room: created.room, key: created.key };
}

/** A new phone joins (the server gives it its identity) and votes; the answer that ended it, and its id. */
async function newPhoneVotes(
  server: RunningServer,
  room: string,
  value: number,
): Promise<{ answer: ServerMessage; participant: string | null }> {
  const phone = await PollClient.connect(server.url);
  try {
    const joined = await phone.request({ type: 'join', room });
    if (joined.type !== 'snapshot') return { answer: joined, participant: null };
    const participant = joined.identity?.split('.')[0] ?? null;
    return { answer: await phone.request({ type: 'vote', poll: 'kies-een', value }), participant };
  } finally {
    phone.close();
  }
}

describeWithPostgres('the poll server on PostgreSQL', () => {
  it('keeps a room and its votes when another server takes over the database', async () => {
    const databaseUrl = await freshDatabase();
    const first = await startTestServer({ databaseUrl });
    const { presenter, room, key } = await presenterOf(first);
    const phones = await Promise.all(Array.from({ length: 12 }, (_, k) => newPhoneVotes(first, room, k % 3)));
    expect(phones.map((phone) => phone.answer.type)).toEqual(phones.map(() => 'ack'));
    const participants = phones.map((phone) => phone.participant ?? '');
    presenter.close();
    await first.close();

    const second = await startTestServer({ databaseUrl });
    const again = await PollClient.connect(second.url);
    const snapshot = await again.request({ type: 'present', room, key });
    expect(snapshot.type).toBe('snapshot');
    const results = snapshot.type === 'snapshot' ? (snapshot.results[0] as PollResults) : null;
    expect(results?.voters).toBe(12);
    expect(await storedVotes(databaseUrl, room)).toEqual([...participants].sort());
    again.close();
    await second.close();
  });
});

const bin = postgresBinDir();

describeWithPostgres('PostgreSQL restarting while a room votes', () => {
  let cluster: TestCluster;
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    // A cluster of its own: stopping the run's shared one would disturb the other test files.
    cluster = await startTestCluster(bin ?? '');
    url = cluster.url;
    server = await startTestServer({ databaseUrl: url });
  });
  afterAll(async () => {
    await server?.close();
    cluster?.remove();
  });

  it('answers votes with an error while it is down, and acknowledges only what it stored', async () => {
    const { room } = await presenterOf(server);
    const acked: string[] = [];
    const voteAndRecord = async () => {
      const phone = await newPhoneVotes(server, room, 1).catch(() => null);
      if (phone?.answer.type === 'ack' && phone.participant) acked.push(phone.participant);
      return phone?.answer ?? null;
    };
    for (let k = 0; k < 5; k++) expect((await voteAndRecord())?.type).toBe('ack');

    cluster.stop('immediate');
    const health = await fetch(`${server.url}/healthz`);
    expect([health.status, await health.json()]).toEqual([503, { ok: false, database: 'unreachable' }]);
    const during = await Promise.all(Array.from({ length: 5 }, () => voteAndRecord()));
    // The join (it reads the phone's vote) or the vote itself gets `unavailable`: never an ack.
    expect(during.map((answer) => (answer?.type === 'error' ? answer.code : answer?.type))).toEqual(
      during.map(() => 'unavailable'),
    );

    cluster.start();
    await expect.poll(() => voteAndRecord().then((answer) => answer?.type), { timeout: 15_000 }).toBe('ack');
    expect(await storedVotes(url, room)).toEqual([...acked].sort());
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
