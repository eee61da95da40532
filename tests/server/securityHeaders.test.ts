import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SPEAKER_VIEW_SCRIPT_HASH } from '../../src/server/securityHeaders.ts';
import { startTestServer } from './helpers/tempServer.ts';

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

describe('headers of the running server', () => {
  /** The headers of a page, an asset, the join address and an error, from a server with this PUBLIC_URL. */
  async function headersWith(publicUrl: string): Promise<Headers[]> {
    const server = await startTestServer({ publicUrl });
    try {
      const paths = ['/', '/join.html', '/assets/app.js', '/ABCDEF', '/niet-er', '/api/rooms/ZZZZZZ/results.csv'];
      return await Promise.all(paths.map((path) => fetch(server.url + path).then((response) => response.headers)));
    } finally {
      await server.close();
    }
  }

  it('tells browsers to stay on https when PUBLIC_URL is https, on every response', async () => {
    for (const headers of await headersWith('https://polls.voorbeeld.nl')) {
      expect(headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
  });

  it('sends no Strict-Transport-Security over plain http (it would be ignored, or stick to the wrong host)', async () => {
    for (const headers of await headersWith('http://192.0.2.10:8080')) {
      expect(headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('keeps other sites that open the deck (or that it opens) away from its window', async () => {
    // A script or style sheet is no window: it goes without (tests/server/http.test.ts).
    const [page, join, , code, missing, exported] = await headersWith('http://192.0.2.10:8080');
    for (const headers of [page, join, code, missing, exported]) {
      expect(headers?.get('cross-origin-opener-policy')).toBe('same-origin');
    }
  });
});
