import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

// The folders of src/ show the architecture, and their imports flow one way (docs/architecture.md):
// each folder may import only the folders listed for it.

const SRC = join(PROJECT_ROOT, 'src');

const MAY_IMPORT: Record<string, readonly string[]> = {
  shared: [],
  content: ['shared'],
  client: ['shared'],
  server: ['shared'],
  vite: ['content', 'shared', 'server'],
  deck: ['client', 'shared'],
  join: ['client', 'shared'],
  console: ['deck', 'client', 'shared'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|css)$/.test(entry.name) ? [path] : [];
  });
}

/** Every folder of src/ a file imports from, other than its own. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\s+['"](\.[^'"]+)['"]|@import\s+['"](\.[^'"]+)['"]/g,
    ),
  ]
    .map((match) => match[1] ?? match[2] ?? match[3] ?? '')
    .filter(Boolean);
  return specifiers
    .map((specifier) => relative(SRC, resolve(dirname(file), specifier)).split('/')[0] ?? '')
    .filter((folder) => !folder.startsWith('..'));
}

test('every folder of src/ has its place in the picture', () => {
  const folders = readdirSync(SRC, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  expect(folders.toSorted()).toEqual(Object.keys(MAY_IMPORT).toSorted());
});

test('imports flow one way: each folder imports only the folders below it', () => {
  const wrong: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const own = relative(SRC, file).split('/')[0] ?? '';
    for (const folder of importedFolders(file)) {
      if (folder !== own && !MAY_IMPORT[own]?.includes(folder))
        wrong.push(`${relative(SRC, file)} imports src/${folder}`);
    }
  }
  expect(wrong).toEqual([]);
});

test('the check sees an import that goes the wrong way', () => {
  expect(importedFolders(join(SRC, 'console', 'main.ts'))).toContain('deck');
  expect(MAY_IMPORT.deck).not.toContain('console');
});
