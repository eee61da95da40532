import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

// The address a request comes from, for the per-address budgets. Behind a reverse proxy every request
// comes from the proxy, so with TRUST_PROXY the last hop that the proxy added to `X-Forwarded-For` is
// used instead; without it that header is ignored, since any client can send it.

/** `::ffff:127.0.0.1` and `127.0.0.1` are one client. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const direct = plain(request.socket.remoteAddress ?? 'unknown');
  if (!trustProxy) return direct;
  const header = request.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((hop) => hop.trim());
  const last = hops.at(-1) ?? '';
  return isIP(last) ? plain(last) : direct;
}
