import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, createLogger } from 'vite';
import { createDeckPlugin } from '../../src/vite/deckPlugin.ts';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/**
 * Builds the deck from a slides folder into a fresh temporary folder, the way `npm run build` does.
 * The build's warnings go to `warnings`, and nothing to the terminal.
 */
export async function buildDeck(
  slidesDir: string,
  plansDir = join(slidesDir, '..', 'plans'),
  warnings: string[] = [],
): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'deck-build-'));
  const logger = createLogger('silent');
  logger.warn = (message) => warnings.push(message);
  await build({
    configFile: false,
    root: PROJECT_ROOT,
    base: './',
    logLevel: 'silent',
    customLogger: logger,
    plugins: [createDeckPlugin({ slidesDir, plansDir })],
    build: { outDir, emptyOutDir: true, rolldownOptions: { input: { deck: 'index.html' } } },
  });
  return outDir;
}
