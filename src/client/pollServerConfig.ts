// How a page (the deck, the remote control, the phone) learns whether a poll server stands behind it.
// The server fills the meta tag `<meta name="poll-server" content="...">` with JSON when it serves the
// page; a static host or a file on disk leaves it empty, and the page makes no request at all.

export interface LiveConfig {
  mode: 'live';
  /** The base of join links and QR codes, e.g. `http://192.168.1.5:8080`. */
  joinBase: string;
  /** The server asks for PRESENTER_PASSWORD before it makes a room. */
  passwordRequired: boolean;
}

export type PollServerConfig = { mode: 'self-study' } | LiveConfig;

const SELF_STUDY: PollServerConfig = { mode: 'self-study' };

/** Reads the meta tag's content. Anything but well-formed server JSON means: no server. */
export function parsePollServerContent(content: string | null | undefined): PollServerConfig {
  if (!content || !content.trim()) return SELF_STUDY;
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return SELF_STUDY;
  }
  if (typeof data !== 'object' || data === null) return SELF_STUDY;
  const { joinBase, passwordRequired } = data as Record<string, unknown>;
  if (typeof joinBase !== 'string' || !/^https?:\/\/[^\s/]+/i.test(joinBase)) return SELF_STUDY;
  return { mode: 'live', joinBase: joinBase.replace(/\/+$/, ''), passwordRequired: passwordRequired === true };
}

export function readPollServerConfig(doc: Document = document): PollServerConfig {
  return parsePollServerContent(doc.querySelector('meta[name="poll-server"]')?.getAttribute('content'));
}
