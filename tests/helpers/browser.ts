import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';
import { PROJECT_ROOT } from './buildDeck.ts';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, or the one CHROME_PATH names; null when there is none. */
export const chromiumPath = CANDIDATES.find((path): path is string => Boolean(path && existsSync(path))) ?? null;

if (!chromiumPath) {
  const message =
    '\n!!! No Chromium found (set CHROME_PATH or apt-get install chromium): the browser tests are SKIPPED !!!\n';
  if (process.env.CI === 'true') throw new Error(`${message}In CI a missing browser fails the run.`);
  console.warn(message);
}

/** `describe` when a browser is there, `describe.skip` (with the loud warning above) when not. */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath ?? undefined,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The folder for screenshots of one test file, under the git-ignored test-results/. */
export function screenshotDir(name: string): string {
  const dir = join(PROJECT_ROOT, 'test-results', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
