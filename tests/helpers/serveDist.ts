import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { PROJECT_ROOT } from './buildDeck.ts';

export const DIST = join(PROJECT_ROOT, 'dist');

/** Serves a built deck on a free port of 127.0.0.1, as a static host would. */
export async function serveDist(
  outDir = process.env.DECK_DIST ?? DIST,
): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`${outDir} has no built deck: run \`npm run build\` first (npm test does)`);
  }
  const server: PreviewServer = await preview({
    configFile: false,
    root: PROJECT_ROOT,
    logLevel: 'silent',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  return { url, close: () => server.close() };
}
