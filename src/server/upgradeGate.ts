import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { clientAddress } from './clientAddress.ts';

// Which WebSocket upgrades the poll server takes, decided before the handshake: only from a page of
// this server (or an origin the operator allows), and at most so many open sockets per address.

export interface UpgradeGateOptions {
  /** Base of the join links; its origin may open the socket too (the address behind a proxy). */
  publicUrl?: string | null;
  /** More origins that may open the socket (ALLOWED_ORIGINS), as `scheme://host[:port]`. */
  allowedOrigins?: readonly string[];
  /** Open sockets per client address (MAX_CONNECTIONS_PER_ADDRESS). */
  maxPerAddress: number;
  trustProxy: boolean;
}

/**
 * A browser names the page that opens a socket in `Origin`, and any page on the internet may try
 * (cross-site WebSocket hijacking); only pages of this server are meant to. Clients that are not
 * browsers send no Origin; they could send any, so refusing them would protect nothing.
 */
function originAllowed(request: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin?.toLowerCase();
  if (origin === undefined) return true;
  const host = request.headers.host?.toLowerCase();
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return allowed.has(origin);
}

export class UpgradeGate {
  private readonly allowed: ReadonlySet<string>;
  private readonly open = new Map<string, number>();

  constructor(private readonly options: UpgradeGateOptions) {
    const publicOrigin = options.publicUrl ? [new URL(options.publicUrl).origin] : [];
    this.allowed = new Set([...publicOrigin, ...(options.allowedOrigins ?? [])].map((o) => o.toLowerCase()));
  }

  /**
   * The HTTP status that refuses this upgrade, or null when it may go ahead; then it holds a place of
   * its address until the socket closes (also when the handshake fails after this).
   */
  admit(request: IncomingMessage, socket: Duplex): number | null {
    if (!originAllowed(request, this.allowed)) return 403;
    // Gone already: it would never free its place (ws drops such a socket).
    if (socket.destroyed) return null;
    const address = clientAddress(request, this.options.trustProxy);
    const count = this.open.get(address) ?? 0;
    if (count >= this.options.maxPerAddress) return 429;
    this.open.set(address, count + 1);
    socket.once('close', () => {
      const left = (this.open.get(address) ?? 1) - 1;
      if (left > 0) this.open.set(address, left);
      else this.open.delete(address);
    });
    return null;
  }
}
