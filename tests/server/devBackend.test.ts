import pg from 'pg';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWithPostgres, freshDatabase } from '../helpers/postgres.ts';
import { startDevServer, stopDevServer } from './helpers/devServer.ts';
import { makeDataDir } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';

// `npm run dev` mounts the backend of `npm start` (pollBackend.ts) on Vite's server: the same routes
// (`/<CODE>`, the exports, /healthz), the same poll socket, and the same store, DATABASE_URL included.

describe('npm run dev', () => {
  let server: ViteDevServer;
  let url: string;
  beforeAll(async () => {
    let port: number;
    ({ server, port } = await startDevServer({ DATA_DIR: makeDataDir(), PUBLIC_URL: 'http://192.0.2.10:5173' }));
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(() => stopDevServer(server));

  it('sends /<code> to the one spelling on the screen, and serves the join page there with the meta tag', async () => {
    const redirect = await fetch(`${url}/k7q4pm`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/K7Q4PM');
    const page = await fetch(`${url}/K7Q4PM`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('&quot;joinBase&quot;:&quot;http://192.0.2.10:5173&quot;');
  });

  it('answers the export without a presenter key with 401, and /healthz with the database', async () => {
    const exported = await fetch(`${url}/api/rooms/K7Q4PM/results.csv`);
    expect(exported.status).toBe(401);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, database: 'ok' });
  });

  it('gives the presenter the session report, with its style sheets read from the source', async () => {
    const presenter = await PollClient.connect(url);
    const created = await presenter.request({ type: 'create-room' });
    presenter.close();
    if (created.type !== 'room-created') throw new Error(JSON.stringify(created));
    const report = await fetch(`${url}/api/rooms/${created.room}/report.html`, {
      headers: { Authorization: `Bearer ${created.key}` },
    });
    expect(report.status).toBe(200);
    const html = await report.text();
    expect(html).toContain('<h1>Werkzame factoren');
    // The palette and the charts' style are inline, as in `npm start`.
    expect(html).toContain('--accent:');
    expect(html).toContain('.poll-chart .bar-fill');
  });

  it('leaves every other request to Vite, with the security headers but without the strict policy', async () => {
    const response = await fetch(`${url}/join.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});

describeWithPostgres('npm run dev with DATABASE_URL', () => {
  let server: ViteDevServer;
  let url: string;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await freshDatabase();
    let port: number;
    ({ server, port } = await startDevServer({ DATA_DIR: makeDataDir(), DATABASE_URL: databaseUrl }));
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(() => stopDevServer(server));

  it('keeps a room it makes in PostgreSQL', async () => {
    const presenter = await PollClient.connect(url);
    const created = await presenter.request({ type: 'create-room' });
    presenter.close();
    if (created.type !== 'room-created') throw new Error('no room');
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ code: string }>('SELECT code FROM rooms');
    await client.end();
    expect(rows.map((row) => row.code)).toEqual([created.room]);
  });
});
