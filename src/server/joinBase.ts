import { networkInterfaces } from 'node:os';

// The address phones use to reach the server, for join links and QR codes: PUBLIC_URL when set (a
// server behind a name), otherwise this machine's address on the local network.

/** The machine's first non-internal IPv4 address, or null without a network. */
function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) if (address.family === 'IPv4' && !address.internal) return address.address;
  }
  return null;
}

/** `https://polls.example.org/` -> `https://polls.example.org`; without PUBLIC_URL the LAN address and port. */
export function joinBaseFor(publicUrl: string | null | undefined, port: number): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `http://${lanAddress() ?? 'localhost'}:${port}`;
}
