import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SourceFile } from '../content/loadDeck.ts';

export const SLIDES_DIR = 'slides';
export const DECK_FILE = 'deck.yaml';
export const PLANS_DIR = 'plans';

function readAs(root: string, path: string): SourceFile {
  return { file: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') };
}

/** deck.yaml and every markdown file under the slides folder, with paths relative to the project root. */
export function readSlides(root: string, dir: string): { deckFile: SourceFile; slideFiles: SourceFile[] } {
  const slideFiles = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => readAs(root, join(dir, name)));
  return { deckFile: readAs(root, join(dir, DECK_FILE)), slideFiles };
}

/** The workshop plans (plans/*.yaml); none when the folder is missing. */
export function readPlans(root: string, dir: string): SourceFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => readAs(root, join(dir, name)));
}
