// Debian's Chromium, as the PDF export and the browser tests drive it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** CHROME_PATH, `preferred`, or Debian's Chromium; null when there is none. */
export function findChromium(preferred?: string): string | null {
  const candidates = [preferred, process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((path): path is string => Boolean(path && existsSync(path))) ?? null;
}

/** Headless, and quiet on this machine's closed network (no background connections). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
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
