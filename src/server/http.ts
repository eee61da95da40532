import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleExport, isExportPath, type ExportContext } from './exportEndpoint.ts';
import { answerHealth, HEALTH_PATH } from './health.ts';
import { fillPollServerMeta, LIVE_PAGES, type PollServerMeta } from './pageMeta.ts';
import { parseJoinCode } from './roomCredentials.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { createStaticSite } from './staticSite.ts';

// Every HTTP request of `npm start`: the export endpoints, the built deck, and the short join address
// `/<CODE>`, which is the join page (it reads the code from the path).

export const JOIN_PAGE = 'join.html';

/** `/k7q4pm` or `/K7Q4PM` -> `K7Q4PM`; null for any other path. */
export function joinCodeOfPath(pathname: string): string | null {
  const match = /^\/([A-Za-z0-9]+)$/.exec(pathname);
  return match?.[1] ? parseJoinCode(match[1]) : null;
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}

export interface HttpOptions extends ExportContext {
  distDir: string;
  meta: PollServerMeta;
  /** Reached over https (PUBLIC_URL): send Strict-Transport-Security. */
  https: boolean;
}

export function createRequestHandler(options: HttpOptions): RequestListener {
  const site = createStaticSite(options.distDir, (page, html) =>
    LIVE_PAGES.has(page) ? fillPollServerMeta(html, options.meta) : html,
  );

  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response, { https: options.https });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      return sendText(response, 400, 'Bad request\n');
    }
    if (isExportPath(pathname)) return handleExport(request, response, pathname, options);
    if (pathname === HEALTH_PATH) return answerHealth(response, options.store);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    }
    if (await site.serve(request, response, pathname)) return;

    const code = joinCodeOfPath(pathname);
    if (code !== null && pathname !== `/${code}`) {
      // One spelling per room, the one on the screen: /k7q4pm -> /K7Q4PM.
      return sendText(response, 302, `/${code}\n`, { Location: `/${code}` });
    }
    if (code !== null && (await site.serve(request, response, `/${JOIN_PAGE}`))) return;
    sendText(response, 404, 'Niet gevonden\n');
  }

  return (request, response) => {
    respond(request, response).catch((error: unknown) => {
      console.error('http:', error);
      if (!response.headersSent) sendText(response, 500, 'Server error\n');
      else response.destroy();
    });
  };
}
