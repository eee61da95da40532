import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './buildDeck.ts';

/** The guide the deck is made from (source/handreiking.txt), as extracted from its PDF. */
export const SOURCE_TEXT = readFileSync(join(PROJECT_ROOT, 'source', 'handreiking.txt'), 'utf8');

/** Letters and digits only, lower case: to compare titles and headings whatever their layout. */
export const normalise = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
