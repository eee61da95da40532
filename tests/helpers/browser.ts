import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { findChromium, launchChromium } from '../../scripts/chromium.ts';
import { PROJECT_ROOT } from './buildDeck.ts';
import { serveDist } from './serveDist.ts';

/** Debian's Chromium, or the one CHROME_PATH names; null when there is none. */
export const chromiumPath = findChromium();

if (!chromiumPath) {
  const message =
    '\n!!! No Chromium found (set CHROME_PATH or apt-get install chromium): the browser tests are SKIPPED !!!\n';
  if (process.env.CI === 'true') throw new Error(`${message}In CI a missing browser fails the run.`);
  console.warn(message);
}

/** `describe` when a browser is there, `describe.skip` (with the loud warning above) when not. */
export const describeInBrowser = chromiumPath ? describe : describe.skip;

export function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error('no Chromium to launch');
  return launchChromium(chromiumPath);
}

/** The folder for screenshots of one test file, under the git-ignored test-results/. */
export function screenshotDir(name: string): string {
  const dir = join(PROJECT_ROOT, 'test-results', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The built deck on a static host and a browser, for the tests of one `describe` block: started before
 * them, closed after them.
 */
export function useStaticDeck(): { readonly browser: Browser; readonly url: string } {
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    site = await serveDist();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    get url() {
      if (!site) throw new Error('the static host starts in beforeAll');
      return site.url;
    },
  };
}
