import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './buildDeck.ts';

/** The guide the deck is made from (../shared/source/handreiking.txt), as extracted from its PDF. */
export const SOURCE_TEXT = readFileSync(join(PROJECT_ROOT, '..', 'shared', 'source', 'handreiking.txt'), 'utf8');

/** Letters and digits only, lower case: how the quote check compares text. */
export const normalise = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

export interface SourcePage {
  /** `block 3` or `case 1`. */
  heading: string;
  /** The lines of the page: everything after the previous heading, up to this heading. */
  lines: string[];
}

// On every page of the extracted text the heading comes AFTER the page's text (see the source README).
const HEADING = /^(?:(\d{1,2})\s+[A-Z]|Casus (\d))/;

/** The source cut into its pages, each named by the heading that closes it. */
export function sourcePages(): SourcePage[] {
  const lines = SOURCE_TEXT.split('\n');
  const pages: SourcePage[] = [];
  let start = 0;
  for (let k = 0; k < lines.length; k++) {
    const match = HEADING.exec(lines[k] ?? '');
    if (!match) continue;
    pages.push({ heading: match[1] ? `block ${match[1]}` : `case ${match[2]}`, lines: lines.slice(start, k) });
    // A heading may wrap onto more lines; the next page starts after the first empty or indented line.
    let next = k + 1;
    while (next < lines.length && /^\S/.test(lines[next] ?? '')) next++;
    start = next;
  }
  return pages;
}
