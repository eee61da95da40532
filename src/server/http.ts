import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { requestPath, type PollBackend } from './pollBackend.ts';
import type { StaticSite } from './staticSite.ts';

// Every HTTP request of `npm start`: the backend's routes (exports, health, `/<CODE>`), then the built
// deck from dist/, and a 404 for the rest.

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(text);
}

export function createRequestHandler(backend: PollBackend, site: StaticSite): RequestListener {
  async function respond(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (await backend.handleRequest(request, response)) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    }
    if (await site.serve(request, response, requestPath(request) ?? '/')) return;
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
