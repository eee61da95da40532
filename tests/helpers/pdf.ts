import { execFileSync, spawnSync } from 'node:child_process';
import { describeInBrowser } from './browser.ts';

// poppler-utils reads the PDFs (.ci/run installs it next to Chromium).
const poppler = !spawnSync('pdfinfo', ['-v']).error;
if (!poppler) {
  const message = '\n!!! pdfinfo/pdftotext not found (apt-get install poppler-utils): the PDF checks are SKIPPED !!!\n';
  if (process.env.CI === 'true') throw new Error(`${message}In CI a missing poppler-utils fails the run.`);
  console.warn(message);
}
export const describeWithPoppler = poppler ? describeInBrowser : describeInBrowser.skip;

/** Pages and page size in points, as pdfinfo reports them. */
export function pdfInfo(path: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) };
}

/** The text of every page, letters and digits only and in lower case, so that line breaks do not matter. */
export function pageTexts(path: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 })
    .split('\f')
    .map(flat);
}

export const flat = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
