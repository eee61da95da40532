import { SOCKET_PATH } from './limits.ts';

/**
 * Whether a poll server serves this page: it fills `<meta name="poll-server">`; a static host or a file
 * leaves it empty, and then the page must make no request at all.
 */
export function hasPollServer(doc: Document = document): boolean {
  const content = doc.querySelector<HTMLMetaElement>('meta[name="poll-server"]')?.content ?? '';
  return content.trim() !== '';
}

/** The poll server's WebSocket address: same host as the page, `wss:` when the page came over https. */
export function socketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${SOCKET_PATH}`;
}
