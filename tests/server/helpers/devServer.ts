import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { vi } from 'vitest';
import { createPollServerPlugin } from '../../../src/vite/pollServerPlugin.ts';
import { PROJECT_ROOT } from '../../helpers/buildDeck.ts';

// The dev server of `npm run dev` (Vite with the poll-server plugin) on a free port, with the settings
// in `env`; stop it with stopDevServer, which also takes the settings away again.

export async function startDevServer(env: Record<string, string>): Promise<{ server: ViteDevServer; port: number }> {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const server = await createServer({
    configFile: false,
    root: PROJECT_ROOT,
    logLevel: 'silent',
    plugins: [createPollServerPlugin()],
    server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null },
  });
  await server.listen();
  return { server, port: (server.httpServer?.address() as AddressInfo).port };
}

export async function stopDevServer(server: ViteDevServer): Promise<void> {
  await server.close();
  vi.unstubAllEnvs();
}
