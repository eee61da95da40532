import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress } from './clientAddress.ts';
import { toCsv } from './csv.ts';
import type { PollCatalog } from './pollCatalog.ts';
import { FailureGuard } from './failureGuard.ts';
import { hashKey, parseJoinCode, presenterSecretKind } from './roomCredentials.ts';
import { renderReport } from './report/reportHtml.ts';
import { roomReport } from './report/roomReport.ts';
import { exportRoom, exportRows } from './resultsExport.ts';
import type { Store } from './store/Store.ts';

// GET /api/rooms/<CODE>/results.csv and …/results.json (every vote counted), …/report.html (the session
// report, src/server/report) and …/report.json (its anonymous data), for the presenter only: the request carries the
// presenter key (or the remote-control token) as `Authorization: Bearer <secret>` (a header, so the
// secret never lands in a URL or a log). An unknown room and a wrong secret get the same answer, so it
// does not tell which rooms exist, and the failures of one address are throttled (FailureGuard).

const EXPORT_PATH = /^\/api\/rooms\/([^/]+)\/(results\.csv|results\.json|report\.html|report\.json)$/;

export interface ExportContext {
  store: Store;
  catalog: PollCatalog;
  /** Failed export requests, per client address; see exportThrottle(). */
  exportFailures: FailureGuard;
  /** Believe `X-Forwarded-For` for the client's address (behind a reverse proxy only). */
  trustProxy: boolean;
}

/**
 * A trainer who mistypes nothing never fails (the deck sends the key it holds); ten failures in a row,
 * then five a minute, is far above any honest use and far below a useful rate of guessing.
 */
export const exportThrottle = (now = Date.now()): FailureGuard =>
  new FailureGuard({ burst: 10, refillSeconds: 120 }, { burst: 300, refillSeconds: 150 }, now);

/** Compared when the room does not exist, so that case costs the same work as a wrong key. */
const NO_ROOM_HASH = hashKey('no such room');

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
  const [, codeText = '', file = ''] = EXPORT_PATH.exec(pathname) ?? [];
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return sendText(response, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
  }
  const address = clientAddress(request, context.trustProxy);
  if (!context.exportFailures.mayTry(address, Date.now())) {
    return sendText(response, 429, 'Too many failed requests; try again in a minute\n', { 'Retry-After': '60' });
  }
  const code = parseJoinCode(codeText);
  const room = code ? await context.store.getRoom(code) : null;
  const secret = bearerToken(request) ?? '';
  if (!presenterSecretKind(secret, room ?? { keyHash: NO_ROOM_HASH, remoteHash: NO_ROOM_HASH }) || !room) {
    context.exportFailures.failed(address, Date.now());
    return sendText(response, 401, 'No such room, or the presenter key is missing or wrong\n', {
      'WWW-Authenticate': 'Bearer',
    });
  }

  const { body, type, name } = await exportFile(context, room.code, file);
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const JSON_TYPE = 'application/json; charset=utf-8';

async function exportFile(
  context: ExportContext,
  code: string,
  file: string,
): Promise<{ body: string; type: string; name: string }> {
  if (file.startsWith('report.')) {
    const report = await roomReport(context.store, context.catalog, code);
    if (!report) throw new Error(`the room ${code} has no report`);
    return file === 'report.html'
      ? { body: renderReport(report), type: 'text/html; charset=utf-8', name: `verslag-${code}.html` }
      : { body: JSON.stringify(report, null, 2) + '\n', type: JSON_TYPE, name: `verslag-${code}.json` };
  }
  const polls = context.catalog.all();
  const data = await exportRoom(context.store, code, polls);
  return file === 'results.csv'
    ? { body: toCsv(exportRows(data, polls)), type: 'text/csv; charset=utf-8', name: `resultaten-${code}.csv` }
    : { body: JSON.stringify(data, null, 2) + '\n', type: JSON_TYPE, name: `resultaten-${code}.json` };
}
