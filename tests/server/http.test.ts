import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/securityHeaders.ts';
import type { RunningServer } from '../../src/server/startServer.ts';
import { joinRoom, type PresenterRoom } from './helpers/rooms.ts';
import { startTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { POLLS } from './helpers/testDeck.ts';

// The HTTP side of `npm start`: pages, files, the short join address, security headers and exports.

let server: RunningServer;
let room: PresenterRoom;
const clients: PollClient[] = [];

/** A raw request: the path goes out exactly as written (fetch would clean up `..`). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const request = httpRequest(`${server.url}${path}`, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      });
      request.on('error', reject);
      request.end();
    },
  );
}

beforeAll(async () => {
  server = await startTestServer({ presenterPassword: 'geheim' });
  const presenter = await PollClient.connect(server.url);
  clients.push(presenter);
  expect(await presenter.request({ type: 'create-room' })).toMatchObject({ code: 'password-required' });
  expect(await presenter.request({ type: 'create-room', password: 'fout' })).toMatchObject({ code: 'wrong-password' });
  presenter.close();
  room = await createRoomWithPassword();
  clients.push(room.presenter);
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

async function createRoomWithPassword(): Promise<PresenterRoom> {
  const presenter = await PollClient.connect(server.url);
  const created = await presenter.request({ type: 'create-room', password: 'geheim' });
  if (created.type !== 'room-created') throw new Error(JSON.stringify(created));
  await presenter.request({ type: 'present', room: created.room, key: created.key });
  return { presenter, room: created.room, key: created.key };
}

describe('pages', () => {
  it.each(['/', '/index.html', '/join.html', '/?remote'])('%s carries the poll-server details', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const content = /<meta name="poll-server" content="([^"]*)"/.exec(response.body.toString())?.[1] ?? '';
    expect(content).toBe('{&quot;joinBase&quot;:&quot;http://192.0.2.10:8080&quot;,&quot;passwordRequired&quot;:true}');
  });

  it('leaves the offline deck in self-study mode', async () => {
    const response = await get('/workshop-offline.html');
    expect(response.body.toString()).toContain('<meta name="poll-server" content="" />');
  });

  it('serves the join page at /<CODE>, and sends lower case to upper case', async () => {
    const page = await get(`/${room.room}`);
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<title>Meedoen</title>');
    const lower = await get(`/${room.room.toLowerCase()}`);
    expect(lower.status).toBe(302);
    expect(lower.headers.location).toBe(`/${room.room}`);
    expect((await get('/ABCDE0')).status).toBe(404); // 0 is not in the join code alphabet
    expect((await get('/ABCDEFG')).status).toBe(404);
  });

  it('serves assets with their content type, brotli or gzip as asked, and long caching', async () => {
    const brotli = await get('/assets/app.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).toString()).toMatch(/^console\.log/);
    expect((await get('/assets/app.js', { 'Accept-Encoding': 'gzip, br;q=0' })).headers['content-encoding']).toBe(
      'gzip',
    );
    expect((await get('/assets/app.js')).headers['content-encoding']).toBeUndefined();
    const script = await get('/assets/app.js', { 'Accept-Encoding': 'gzip' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['content-encoding']).toBe('gzip');
    expect(script.headers['cache-control']).toContain('immutable');
    expect(gunzipSync(script.body).toString()).toMatch(/^console\.log/);
    expect((await get('/assets/style.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const again = await get('/assets/style.css', { 'If-None-Match': String(script.headers.etag) });
    expect(again.status).toBe(200);
    const etag = String((await get('/assets/style.css')).headers.etag);
    expect((await get('/assets/style.css', { 'If-None-Match': etag })).status).toBe(304);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/..%5csecret.txt',
    '/assets/',
    '/.env',
    '/index.html%00.js',
    '/nope.html',
  ])('never serves anything outside dist/ or a directory: %s', async (path) => {
    const response = await get(path);
    expect([400, 404]).toContain(response.status);
    expect(response.body.toString()).not.toContain('geheim');
  });

  it('refuses other methods', async () => {
    expect((await get('/', {}, 'POST')).status).toBe(405);
    expect((await get('/', {}, 'DELETE')).status).toBe(405);
  });

  it.each(['/', `/${'ABCDEF'}`, '/nope', '/api/rooms/ABCDEF/results.csv'])(
    'sends the security headers with %s',
    async (path) => {
      const { headers } = await get(path);
      expect(headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(headers['permissions-policy']).toContain('camera=()');
    },
  );

  it('sends a script or style sheet without the headers only a page uses, the others kept', async () => {
    for (const path of ['/assets/app.js', '/assets/style.css']) {
      const { headers } = await get(path);
      expect(headers['content-security-policy']).toBeUndefined();
      expect(headers['x-frame-options']).toBeUndefined();
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });
});

describe('export', () => {
  const tricky = ['=HYPERLINK("http://x")', 'Eerst taal, "dan" werk\nen dan verder'];

  beforeAll(async () => {
    await room.presenter.request({ type: 'show', poll: POLLS.open.id });
    for (const text of tricky) {
      const { client } = await joinRoom(server.url, room.room);
      clients.push(client);
      await client.request({ type: 'vote', poll: POLLS.open.id, value: text });
    }
  });

  it('needs the presenter key', async () => {
    const path = `/api/rooms/${room.room}/results.csv`;
    expect((await get(path)).status).toBe(401);
    expect((await get(path, { Authorization: 'Bearer ' + 'x'.repeat(32) })).status).toBe(401);
    expect((await get(path, { Authorization: room.key })).status).toBe(401);
    expect((await get('/api/rooms/ZZZZZZ/results.csv', { Authorization: `Bearer ${room.key}` })).status).toBe(401);
  });

  it('writes CSV for Dutch Excel: a BOM, semicolons, RFC 4180 quoting and no formulas', async () => {
    const response = await get(`/api/rooms/${room.room}/results.csv`, { Authorization: `Bearer ${room.key}` });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="resultaten-${room.room}.csv"`);
    expect([...response.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = response.body.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(
      '"poll";"soort";"vraag";"ronde";"deelnemers";"antwoord";"aantal";"punten";"gemiddelde";"goedgekeurd"',
    );
    expect(text).toContain(`"open-vraag";"open";"Wat denk je?";1;2;"'=HYPERLINK(""http://x"")";1;;;"nee"\r\n`);
    expect(text).toContain(
      `"open-vraag";"open";"Wat denk je?";1;2;"Eerst taal, ""dan"" werk en dan verder";1;;;"nee"\r\n`,
    );
  });

  it('writes the same data as JSON', async () => {
    const response = await get(`/api/rooms/${room.room}/results.json`, { Authorization: `Bearer ${room.key}` });
    const data = JSON.parse(response.body.toString()) as { room: string; polls: { poll: string; rounds: unknown[] }[] };
    expect(data.room).toBe(room.room);
    expect(data.polls).toEqual([
      {
        poll: POLLS.open.id,
        type: 'open',
        question: POLLS.open.question,
        options: [],
        rounds: [
          {
            round: 1,
            voters: 2,
            results: {
              kind: 'answers',
              answers: tricky.map((text) => ({ id: expect.any(Number), text, approved: false })),
            },
          },
        ],
      },
    ]);
  });
});

describe('presenter password', () => {
  it('slows down guessing: after a few attempts a minute, even the right password waits', async () => {
    const guesser = await PollClient.connect(server.url);
    clients.push(guesser);
    const answers = [];
    for (let k = 0; k < 12; k++) answers.push(await guesser.request({ type: 'create-room', password: `gok-${k}` }));
    expect(answers.map((a) => (a.type === 'error' ? a.code : a.type))).toContain('rate-limited');
    const right = await guesser.request({ type: 'create-room', password: 'geheim' });
    expect(right).toMatchObject({ type: 'error', code: 'rate-limited' });
  });
});
