import type { ServerResponse } from 'node:http';
import type { Store } from './store/Store.ts';

// GET /healthz: whether this instance can serve a room, for the reverse proxy's health checks (and a
// person's curl). 200 when the database answers within a moment, 503 otherwise, so the proxy stops
// sending phones to an instance that could only answer them with errors.

export const HEALTH_PATH = '/healthz';

/** A database that takes longer than this to answer counts as down. */
const PING_TIMEOUT_MS = 2000;

export async function answerHealth(response: ServerResponse, store: Store): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
  });
  const database = await Promise.race([store.ping(), timeout]).then(
    () => 'ok',
    () => 'unreachable',
  );
  clearTimeout(timer);
  response.writeHead(database === 'ok' ? 200 : 503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify({ ok: database === 'ok', database }) + '\n');
}
