import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ServerMessage } from '../../src/shared/protocol.ts';
import { caddyPath, startCaddy, type RunningCaddy } from '../helpers/caddy.ts';
import { freePort } from '../helpers/deckPages.ts';
import { describeWithPostgres, freshDatabase } from '../helpers/postgres.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { DIST } from '../helpers/serveDist.ts';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess.ts';

// An instance dies while a room votes: behind Caddy, two instances of `npm start`'s server on one
// PostgreSQL database. One is killed (SIGKILL) in the middle of the votes; its clients reconnect through
// Caddy to the other, present their identity again and get a full snapshot with their own vote, and
// every acknowledged vote is in the database.

const describeHosted = caddyPath ? describeWithPostgres : describe.skip;
const TLS = { rejectUnauthorized: false };
const PHONES = 16;

type Snapshot = Extract<ServerMessage, { type: 'snapshot' }>;

describeHosted('an instance killed while a room votes', () => {
  let databaseUrl: string;
  const instances: ServerProcess[] = [];
  let caddy: RunningCaddy;

  beforeAll(async () => {
    databaseUrl = await freshDatabase();
    const httpsPort = await freePort();
    for (let k = 0; k < 2; k++) {
      instances.push(
        await startServerProcess({
          DATABASE_URL: databaseUrl,
          DIST_DIR: process.env.DECK_DIST ?? DIST,
          PUBLIC_URL: `https://localhost:${httpsPort}`,
          TRUST_PROXY: 'true',
        }),
      );
    }
    caddy = await startCaddy(
      instances.map((instance) => `127.0.0.1:${instance.port}`),
      httpsPort,
    );
  });
  afterAll(async () => {
    await caddy?.stop();
    await Promise.all(instances.map((instance) => instance.kill()));
  });

  /** A phone as the join page is: it joins (again) with the identity it got, through Caddy. */
  async function join(room: string, identity?: string): Promise<{ socket: PollClient; snapshot: Snapshot }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const socket = await PollClient.connect(caddy.url, TLS);
        const answer = await socket.request(identity ? { type: 'join', room, identity } : { type: 'join', room });
        if (answer.type === 'snapshot') return { socket, snapshot: answer };
        socket.close();
      } catch (error) {
        if (attempt > 20) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  test('its phones reconnect to the other instance with their vote, and no acknowledged vote is lost', async () => {
    const presenter = await PollClient.connect(caddy.url, TLS);
    const created = await presenter.request({ type: 'create-room' });
    if (created.type !== 'room-created') throw new Error('no room');
    const { room, key } = created;
    await presenter.request({ type: 'present', room, key });
    await presenter.request({ type: 'show', poll: 'start-rol' });

    const phones = await Promise.all(Array.from({ length: PHONES }, () => join(room)));
    const acked = new Map<string, number>();
    const vote = async (k: number) => {
      const phone = phones[k];
      if (!phone) return;
      const answer = await phone.socket.request({ type: 'vote', poll: 'start-rol', value: k % 6 }).catch(() => null);
      if (answer?.type === 'ack') acked.set(phone.snapshot.identity ?? '', k % 6);
    };
    // Half the votes, then the kill while the other half is on its way.
    await Promise.all(phones.slice(0, PHONES / 2).map((_, k) => vote(k)));
    const [victim] = instances;
    const rest = Promise.all(phones.slice(PHONES / 2).map((_, k) => vote(PHONES / 2 + k)));
    await victim?.kill();
    await rest;
    expect(acked.size).toBeGreaterThanOrEqual(PHONES / 2);

    // Every phone joins again (those on the survivor too: harmless), gets its own vote back.
    for (const phone of phones) phone.socket.close();
    for (const phone of phones) {
      const identity = phone.snapshot.identity ?? '';
      const again = await join(room, identity);
      const expected = acked.get(identity);
      if (expected !== undefined) expect(again.snapshot.myVote, identity).toBe(expected);
      again.socket.close();
    }

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ participant: string; value: number }>(
      "SELECT participant, value FROM votes WHERE room = $1 AND poll = 'start-rol'",
      [room],
    );
    await client.end();
    const stored = new Map(rows.map((row) => [row.participant, row.value]));
    for (const [identity, value] of acked) expect(stored.get(identity.split('.')[0] ?? '')).toBe(value);

    // The presenter, wherever it was, sees them all after its own reconnect.
    presenter.close();
    const deck = await PollClient.connect(caddy.url, TLS);
    const snapshot = await deck.request({ type: 'present', room, key });
    expect(snapshot.type === 'snapshot' ? snapshot.results.find((r) => r.poll === 'start-rol')?.voters : -1).toBe(
      stored.size,
    );
    deck.close();
  });
});
