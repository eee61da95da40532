import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/securityHeaders.ts';
import { startTestServer } from './helpers/tempServer.ts';

describe('content security policy', () => {
  it('allows scripts from the server only: no inline script, no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*(unsafe-inline|sha256-)/);
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
