import type { ServerResponse } from 'node:http';

// Headers on every response of the poll server. Nothing is loaded from another host, so the policy can
// be strict: scripts only from this server, no plugins, no framing by other sites.

// The presenter console's audience view is a page of this server like any other, so no inline script
// needs an exception.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'SAMEORIGIN',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // A page of another site that opens ours (or that ours opens) gets no handle on it. The console's
  // audience view is of the same origin, so the console still opens and reaches it.
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** What only a page uses: a script, a style sheet or a JSON file goes without them (the browser ignores them there). */
const DOCUMENT_HEADERS = [
  'Content-Security-Policy',
  'X-Frame-Options',
  'Permissions-Policy',
  'Cross-Origin-Opener-Policy',
];

/**
 * Behind https (PUBLIC_URL), browsers are told to use nothing else for a year, so a network in the room
 * cannot downgrade the connection. Not for subdomains: they are the operator's, maybe without TLS.
 */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/** Whether the server is reached over https, so the Strict-Transport-Security header is due. */
export const isHttps = (publicUrl: string | null | undefined): boolean => publicUrl?.startsWith('https:') ?? false;

/**
 * `withPolicy: false` for `npm run dev`, where Vite injects inline scripts of its own; the built deck
 * that `npm start` serves always gets the policy. `https`: see isHttps.
 */
export function setSecurityHeaders(response: ServerResponse, { withPolicy = true, https = false } = {}): void {
  for (const [name, value] of Object.entries(HEADERS)) response.setHeader(name, value);
  if (withPolicy) response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  if (https) response.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
}

/** For a response that is no page (a script, a style sheet, JSON): fewer bytes for every phone. */
export function dropDocumentHeaders(response: ServerResponse): void {
  for (const name of DOCUMENT_HEADERS) response.removeHeader(name);
}
