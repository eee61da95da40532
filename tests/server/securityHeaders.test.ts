import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SPEAKER_VIEW_SCRIPT_HASH } from '../../src/server/securityHeaders.ts';

/** The page reveal.js's notes plugin writes into the speaker window, as the installed version has it. */
function speakerViewHtml(): string {
  // The ES module build, the one Vite bundles into the deck.
  const file = join(dirname(createRequire(import.meta.url).resolve('reveal.js/plugin/notes')), 'notes.mjs');
  const source = readFileSync(file, 'utf8');
  const start = source.indexOf('document.write("') + 'document.write('.length;
  let end = start + 1;
  while (source[end] !== '"') end += source[end] === '\\' ? 2 : 1;
  // The argument is one JavaScript string literal; evaluating it alone gives the page text.
  return String(runInNewContext(source.slice(start, end + 1)));
}

describe('content security policy', () => {
  it("allows the speaker view's inline script by its hash, and no other inline script", () => {
    const scripts = [...speakerViewHtml().matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256')
      .update(scripts[0] ?? '')
      .digest('base64');
    expect(SPEAKER_VIEW_SCRIPT_HASH).toBe(`'sha256-${hash}'`);
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src 'self' ${SPEAKER_VIEW_SCRIPT_HASH};`);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
