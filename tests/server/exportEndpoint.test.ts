import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer.ts';
import { createRoom, joinRoom, type PresenterRoom } from './helpers/rooms.ts';
import { startTestServer } from './helpers/tempServer.ts';
import type { PollClient } from '../helpers/pollClient.ts';
import { POLLS } from './helpers/testDeck.ts';

// The export endpoint must not tell which rooms exist (an unknown room and a wrong key get the same
// answer), and failures are throttled per client address, with a global backstop; a right key costs
// nothing. Each case sends from an address of its own in 127.0.0.0/8.

const PER_ADDRESS = 10;
const GLOBAL = 300;

let server: RunningServer;
let room: PresenterRoom;
let phoneParticipant = '';
const clients: PollClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  room = await createRoom(server.url);
  clients.push(room.presenter);
  await room.presenter.request({ type: 'show', poll: POLLS.single.id });
  const phone = await joinRoom(server.url, room.room);
  phoneParticipant = phone.participant;
  clients.push(phone.client);
  await phone.client.request({ type: 'vote', poll: POLLS.single.id, value: 1 });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function exportFrom(localAddress: string, code: string, key: string | null, format = 'csv'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: `/api/rooms/${code}/${format.startsWith('report.') ? format : `results.${format}`}`,
        localAddress,
        agent: false,
        headers: key === null ? {} : { Authorization: `Bearer ${key}` },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          // The one header that may differ: the clock.
          const headers = { ...response.headers, date: undefined };
          resolve({ status: response.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString() });
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const WRONG_KEY = 'x'.repeat(32);

describe('export endpoint', () => {
  it('answers an unknown room exactly as a wrong or missing key', async () => {
    const from = '127.0.0.30';
    const wrongKey = await exportFrom(from, room.room, WRONG_KEY);
    expect(wrongKey.status).toBe(401);
    const answers = [
      await exportFrom(from, 'ZZZZZZ', room.key),
      await exportFrom(from, 'ZZZZZZ', WRONG_KEY),
      await exportFrom(from, 'niet-een-code', room.key),
      await exportFrom(from, room.room, null),
      await exportFrom(from, room.room.toLowerCase(), WRONG_KEY, 'json'),
      await exportFrom(from, room.room, WRONG_KEY, 'report.html'),
      await exportFrom(from, 'ZZZZZZ', room.key, 'report.json'),
    ];
    for (const answer of answers) expect(answer).toEqual(wrongKey);
  });

  it('throttles the failures of one address, right key or not, and not those of another', async () => {
    const attacker = '127.0.0.31';
    for (let k = 0; k < PER_ADDRESS; k++) expect((await exportFrom(attacker, room.room, WRONG_KEY)).status).toBe(401);
    expect((await exportFrom(attacker, room.room, WRONG_KEY)).status).toBe(429);
    expect((await exportFrom(attacker, 'ZZZZZZ', WRONG_KEY)).status).toBe(429);
    // Otherwise a right guess would still stand out from a wrong one.
    expect((await exportFrom(attacker, room.room, room.key)).status).toBe(429);

    const trainer = '127.0.0.32';
    expect((await exportFrom(trainer, room.room, room.key)).status).toBe(200);
    expect((await exportFrom(trainer, room.room, WRONG_KEY)).status).toBe(401);
  });

  it('gives the trainer the session report as one HTML file and its data as JSON, without participant ids', async () => {
    const html = await exportFrom('127.0.0.34', room.room, room.key, 'report.html');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.headers['content-disposition']).toBe(`attachment; filename="verslag-${room.room}.html"`);
    expect(html.body).toMatch(/^<!doctype html>/);
    expect(html.body).toContain(POLLS.single.question);
    expect(html.body).toContain('1 deelnemer gaf antwoord.');
    const json = await exportFrom('127.0.0.34', room.room, room.key, 'report.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const report = JSON.parse(json.body) as { polls: { poll: string; rounds: { results: unknown }[] }[] };
    expect(report.polls.find((poll) => poll.poll === POLLS.single.id)?.rounds[0]?.results).toEqual({
      kind: 'counts',
      counts: [0, 1, 0],
    });
    expect(json.body).not.toContain(phoneParticipant);
    expect(html.body).not.toContain(phoneParticipant);
  });

  it('counts only failures: a trainer may export as often as she likes', async () => {
    for (let k = 0; k < 3 * PER_ADDRESS; k++) {
      expect((await exportFrom('127.0.0.33', room.room, room.key)).status).toBe(200);
    }
  });

  it('stops everybody for a while once all addresses together have failed too often', async () => {
    const failures: Promise<Answer>[] = [];
    for (let a = 1; a <= GLOBAL / PER_ADDRESS; a++) {
      for (let k = 0; k < PER_ADDRESS; k++) failures.push(exportFrom(`127.0.1.${a}`, room.room, WRONG_KEY));
    }
    await Promise.all(failures);
    // The backstop refills at two a second, far slower than these requests come.
    const fresh = [];
    for (let a = 1; a <= 20; a++) fresh.push((await exportFrom(`127.0.2.${a}`, 'ZZZZZZ', WRONG_KEY)).status);
    expect(fresh).toContain(429);
  });
});
