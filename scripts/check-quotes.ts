import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkQuotes, deckQuotes } from './quotes/checkQuotes.ts';

// `npm run check:quotes [deck.json]`: every quote in the built deck against the guide's text in
// source/. Prints each failure, then `N passed, N failed`; exits 1 on a failure or when there is no quote.

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const deckPath = process.argv[2] ?? join(root, 'dist', 'deck.json');
const sourcePath = join(root, 'source', 'handreiking.txt');

const quotes = deckQuotes(JSON.parse(readFileSync(deckPath, 'utf8')));
const failures = checkQuotes(readFileSync(sourcePath, 'utf8'), quotes);
for (const failure of failures) {
  console.log(`${failure.where} (${failure.speaker}): ${failure.reason}\n    ${failure.text.slice(0, 100)}`);
}
if (quotes.length === 0) console.log(`${deckPath} heeft geen citaten`);
console.log(`${quotes.length - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length === 0 && quotes.length > 0 ? 0 : 1);
