import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deck } from '../shared/deck.ts';
import { deckSchema } from './deckSchema.ts';

/** dist/deck.json, checked against the schema; throws a message a trainer can act on. */
export function readDeckFile(distDir: string): Deck {
  const file = join(distDir, 'deck.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} ontbreekt. Bouw de deck eerst: npm run build (npm start doet dat ook).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file} is geen geldige JSON. Bouw de deck opnieuw: npm run build.`);
  }
  const parsed = deckSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${file} klopt niet (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'onbekend'}). Bouw de deck opnieuw: npm run build.`,
    );
  }
  return parsed.data;
}
