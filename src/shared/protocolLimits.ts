// The protocol's constants on their own: browsers import them from here, since protocol.ts builds its
// validation schemas (zod) as soon as it is imported, and that library must not reach a phone or the
// deck. protocol.ts re-exports them for the server.

export const WS_PATH = '/ws';

/** Join codes use characters that cannot be mistaken for each other (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export const LIMITS = {
  /** Largest message the server reads, in bytes. */
  messageBytes: 4096,
  /** Word cloud answers: a few words. */
  wordChars: 40,
  /** Open text answers. */
  openChars: 280,
  /** A group name for group answers. */
  groupChars: 40,
} as const;

/** Answers per page in results and in `pending-page`: enough to moderate, bounded however many arrive. */
export const ANSWER_PAGE = 50;

/** `ws://host/ws` on the host the page came from (`wss://` under https). */
export function pollSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${WS_PATH}`;
}
