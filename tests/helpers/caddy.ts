import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { get } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './buildDeck.ts';
import { freePort } from './deckPages.ts';

// deploy/Caddyfile as docs/deploy.md runs it, on this machine: `tls internal` for localhost on free
// ports, its certificates and state in a temporary folder, its admin endpoint off.

export const caddyPath: string | null = spawnSync('caddy', ['version']).status === 0 ? 'caddy' : null;

if (!caddyPath) {
  const message = '\n!!! No Caddy found (apt-get install caddy): the HTTPS tests are SKIPPED !!!\n';
  if (process.env.CI === 'true') throw new Error(`${message}In CI a missing Caddy fails the run.`);
  console.warn(message);
}

export interface RunningCaddy {
  /** https://localhost:PORT */
  url: string;
  stop(): Promise<void>;
}

/** The status of a GET over TLS that accepts Caddy's test certificate; 0 when nothing answers. */
export function statusOver(url: string): Promise<number> {
  return new Promise((resolve) => {
    const request = get(url, { rejectUnauthorized: false, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

/** Caddy on `httpsPort` (a free one when left out) in front of the upstreams (`127.0.0.1:PORT`). */
export async function startCaddy(upstreams: string[], httpsPort?: number): Promise<RunningCaddy> {
  const home = mkdtempSync(join(tmpdir(), 'caddy-test-'));
  httpsPort ??= await freePort();
  const env = {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: join(home, 'data'),
    XDG_CONFIG_HOME: join(home, 'config'),
    CADDY_ADMIN: 'off',
    CADDY_HTTP_PORT: String(await freePort()),
    CADDY_HTTPS_PORT: String(httpsPort),
    DECK_DOMAIN: `localhost:${httpsPort}`,
    DECK_TLS: 'internal',
    DECK_UPSTREAMS: upstreams.join(' '),
  };
  const caddy: ChildProcess = spawn(
    'caddy',
    ['run', '--config', join(PROJECT_ROOT, 'deploy', 'Caddyfile'), '--adapter', 'caddyfile'],
    { env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  caddy.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `https://localhost:${httpsPort}`;
  const exited = new Promise<void>((resolve) => caddy.once('exit', () => resolve()));
  // Ready once it answers over TLS (with its own, untrusted certificate).
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (caddy.exitCode !== null) throw new Error(`caddy stopped:\n${log}`);
    if ((await statusOver(`${url}/healthz`)) === 200) break;
    if (Date.now() > deadline) throw new Error(`caddy did not come up:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      caddy.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}
