import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PHONE_PAGES, phoneBuildOptions } from '../../src/vite/phonePagesPlugin.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

const BUDGET_BYTES = 20 * 1024;

let outDir: string;
/** The source modules in each built chunk, by file name. */
const chunkModules = new Map<string, string[]>();

function recordModules(): Plugin {
  return {
    name: 'test:record-modules',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') chunkModules.set(output.fileName, output.moduleIds);
      }
    },
  };
}

beforeAll(async () => {
  // The phone pages as `npm run build` makes them: each in a build of its own (src/vite/phonePagesPlugin.ts),
  // without the slides: the phone pages do not depend on them. The join page's files go in outDir.
  outDir = mkdtempSync(join(tmpdir(), 'join-budget-'));
  for (const page of PHONE_PAGES) {
    await build({
      configFile: false,
      root: PROJECT_ROOT,
      base: './',
      logLevel: 'silent',
      plugins: [recordModules()],
      build: phoneBuildOptions(page, page === 'join.html' ? outDir : join(outDir, 'other')),
    });
  }
}, 120_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** join.html and every file it pulls in: its scripts and styles, and the chunks those scripts import. */
function joinPageFiles(): string[] {
  const files = new Set<string>(['join.html']);
  const queue: string[] = [];
  const html = readFileSync(join(outDir, 'join.html'), 'utf8');
  for (const match of html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g)) {
    const reference = match[1] ?? '';
    if (/^(?:data:|[a-z]+:\/\/)/i.test(reference)) continue;
    queue.push(posix.normalize(reference));
  }
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(outDir, file), 'utf8');
    for (const match of code.matchAll(/\b(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      queue.push(posix.join(posix.dirname(file), match[1] ?? ''));
    }
  }
  return [...files];
}

test('the join page (HTML, JS and CSS) stays within 20 KB gzip', () => {
  const files = joinPageFiles();
  expect(files.some((file) => file.endsWith('.js'))).toBe(true);
  expect(files.some((file) => file.endsWith('.css'))).toBe(true);
  const sizes = files.map((file) => ({ file, gzip: gzipSync(readFileSync(join(outDir, file))).length }));
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  console.info(`join page: ${total} bytes gzip (${sizes.map(({ file, gzip }) => `${file} ${gzip}`).join(', ')})`);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});

test('no module of the phone carries the validation library', () => {
  const modules = [...chunkModules.values()].flat();
  expect(modules.some((id) => id.includes('src/join/'))).toBe(true);
  expect(
    modules.filter((id) => /node_modules\/zod\//.test(id) || id.endsWith('src/server/protocolSchemas.ts')),
  ).toEqual([]);
});

test('the join page carries neither reveal.js nor the validation library', () => {
  const scripts = joinPageFiles().filter((file) => file.endsWith('.js'));
  const modules = scripts.flatMap((file) => chunkModules.get(posix.relative('.', file)) ?? []);
  expect(modules.some((id) => id.includes('src/join/'))).toBe(true);
  expect(modules.filter((id) => /node_modules\/(?:reveal\.js|zod)\//.test(id))).toEqual([]);
  expect(modules.filter((id) => id.endsWith('src/server/protocolSchemas.ts'))).toEqual([]);
});
