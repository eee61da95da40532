import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { contentTypeOf } from './contentTypes.ts';
import { dropDocumentHeaders } from './securityHeaders.ts';

// The built deck (dist/) as a static site: only files inside the folder, never a directory listing or a
// hidden file, with the right content type, brotli or gzip for text, and long caching for Vite's hashed
// assets. Files are kept in memory once read and compressed (dist/ is small); a rebuild is noticed by the
// file's mtime. A phone's first poll is counted in bytes (tests/browser/joinDownload.test.ts): brotli is a
// sixth smaller than gzip, and a script or style sheet goes without the headers only a page uses.

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);
/** What a browser may open as a page, so it keeps the page's headers (the script policy, framing). */
const DOCUMENTS = new Set(['.html', '.svg']);
/** Vite puts content-hashed files here: they never change under the same name. */
const HASHED_ASSETS = '/assets/';

interface CachedFile {
  mtimeMs: number;
  body: Buffer;
  /** Compressed bodies by encoding, only for text large enough to gain from it. */
  encoded: { br: Buffer; gzip: Buffer } | null;
  etag: string;
}

const compress = (body: Buffer): { br: Buffer; gzip: Buffer } => ({
  br: brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }),
  gzip: gzipSync(body, { level: 9 }),
});

/** brotli where the browser takes it (every current one does over http and https), else gzip. */
function chooseEncoding(accepted: string | undefined): 'br' | 'gzip' | null {
  const names = new Set(
    (accepted ?? '')
      .split(',')
      .filter((part) => !/;\s*q=0(?:\.0*)?\s*$/i.test(part))
      .map((part) => part.split(';')[0]?.trim().toLowerCase()),
  );
  return names.has('br') ? 'br' : names.has('gzip') ? 'gzip' : null;
}

export interface StaticSite {
  /** Serves the file at `pathname` (`/` is index.html); false when there is no such file. */
  serve(request: IncomingMessage, response: ServerResponse, pathname: string): Promise<boolean>;
}

/** `transformHtml` may rewrite an HTML page (by its path inside the folder) before it is sent. */
export function createStaticSite(root: string, transformHtml: (page: string, html: string) => string): StaticSite {
  const base = resolve(root);
  const cache = new Map<string, CachedFile>();

  async function load(file: string, page: string): Promise<CachedFile | null> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const cached = cache.get(file);
    if (cached?.mtimeMs === info.mtimeMs) return cached;
    let body = await readFile(file);
    if (extname(file) === '.html') body = Buffer.from(transformHtml(page, body.toString('utf8')), 'utf8');
    const encoded = COMPRESSIBLE.has(extname(file)) && body.length > 512 ? compress(body) : null;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const entry = { mtimeMs: info.mtimeMs, body, encoded, etag };
    cache.set(file, entry);
    return entry;
  }

  return {
    async serve(request, response, pathname) {
      const path = pathname === '/' ? '/index.html' : pathname;
      if (path.includes('\0') || path.split('/').some((segment) => segment.startsWith('.'))) return false;
      const file = resolve(base, '.' + path);
      if (!file.startsWith(base + sep)) return false;
      const found = await load(
        file,
        file
          .slice(base.length + 1)
          .split(sep)
          .join('/'),
      );
      if (!found) return false;

      const extension = extname(file);
      if (!DOCUMENTS.has(extension)) dropDocumentHeaders(response);
      response.setHeader('Content-Type', contentTypeOf(file));
      response.setHeader(
        'Cache-Control',
        path.startsWith(HASHED_ASSETS) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      response.setHeader('ETag', found.etag);
      if (COMPRESSIBLE.has(extension)) response.setHeader('Vary', 'Accept-Encoding');
      if (request.headers['if-none-match'] === found.etag) {
        response.writeHead(304).end();
        return true;
      }
      const encoding = found.encoded ? chooseEncoding(request.headers['accept-encoding']) : null;
      const body = encoding && found.encoded ? found.encoded[encoding] : found.body;
      if (encoding) response.setHeader('Content-Encoding', encoding);
      response.setHeader('Content-Length', body.length);
      response.writeHead(200).end(request.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
