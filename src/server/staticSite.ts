import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

// The built deck (dist/) as a static site: only files inside the folder, never a directory listing or a
// hidden file, with the right content type, gzip for text, and long caching for Vite's hashed assets.
// Files are kept in memory once read (dist/ is small); a rebuild is noticed by the file's mtime.

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt', '.webmanifest']);
/** Vite puts content-hashed files here: they never change under the same name. */
const HASHED_ASSETS = '/assets/';

interface CachedFile {
  mtimeMs: number;
  body: Buffer;
  gzipped: Buffer | null;
  etag: string;
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
    const gzipped = COMPRESSIBLE.has(extname(file)) && body.length > 1024 ? gzipSync(body) : null;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const entry = { mtimeMs: info.mtimeMs, body, gzipped, etag };
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
      response.setHeader('Content-Type', CONTENT_TYPES[extension] ?? 'application/octet-stream');
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
      const gzip = found.gzipped && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      const body = gzip && found.gzipped ? found.gzipped : found.body;
      if (gzip) response.setHeader('Content-Encoding', 'gzip');
      response.setHeader('Content-Length', body.length);
      response.writeHead(200).end(request.method === 'HEAD' ? undefined : body);
      return true;
    },
  };
}
