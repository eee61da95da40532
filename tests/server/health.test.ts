import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer.ts';
import { startTestServer } from './helpers/tempServer.ts';

// GET /healthz, which the reverse proxy asks before it sends phones to an instance.

describe('the health endpoint', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('says the instance and its database are fine', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ ok: true, database: 'ok' });
  });
});
