import type { IncomingMessage, ServerResponse } from 'node:http';
import { toCsv } from './csv.ts';
import type { PollCatalog } from './deckPolls.ts';
import { parseJoinCode, presenterSecretKind } from './roomCredentials.ts';
import { exportRoom, exportRows } from './resultsExport.ts';
import type { Store } from './store/Store.ts';

// GET /api/rooms/<CODE>/results.csv and …/results.json, for the presenter only: the request carries the
// presenter key (or the remote-control token) as `Authorization: Bearer <secret>` (a header, so the
// secret never lands in a URL or a log).

const EXPORT_PATH = /^\/api\/rooms\/([^/]+)\/results\.(csv|json)$/;

export interface ExportContext {
  store: Store;
  catalog: PollCatalog;
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  response.end(text);
}

function bearerToken(request: IncomingMessage): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

export function isExportPath(pathname: string): boolean {
  return EXPORT_PATH.test(pathname);
}

/** Answers an export request; `pathname` must match isExportPath. */
export async function handleExport(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  context: ExportContext,
): Promise<void> {
  const [, codeText = '', format] = EXPORT_PATH.exec(pathname) ?? [];
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  }
  const code = parseJoinCode(codeText);
  const room = code ? await context.store.getRoom(code) : null;
  if (!code || !room) return sendText(response, 404, 'No such room\n');
  const key = bearerToken(request);
  if (!key || !presenterSecretKind(key, room)) {
    return sendText(response, 401, 'The presenter key is missing or wrong\n', { 'WWW-Authenticate': 'Bearer' });
  }

  const polls = context.catalog.all();
  const data = await exportRoom(context.store, code, polls);
  const body = format === 'csv' ? toCsv(exportRows(data, polls)) : JSON.stringify(data, null, 2) + '\n';
  response.writeHead(200, {
    'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    'Content-Disposition': `attachment; filename="resultaten-${code}.${format}"`,
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}
