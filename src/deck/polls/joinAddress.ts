// The addresses a room is reached at. The join link carries the room code only, never the key.

/** The link in the QR code: `<joinBase>/<CODE>`. */
export function joinUrl(joinBase: string, room: string): string {
  return `${joinBase.replace(/\/+$/, '')}/${room}`;
}

export interface ShortJoinAddress {
  /** Host and port with the trailing slash, e.g. `192.168.1.5:8080/`. */
  host: string;
  code: string;
  /** The whole address as people type it, e.g. `192.168.1.5:8080/K7Q4PM`. */
  text: string;
}

/** The join address without `http://`, for people who type it rather than scan. */
export function shortJoinAddress(joinBase: string, room: string): ShortJoinAddress {
  const host = `${joinBase.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/`;
  return { host, code: room, text: `${host}${room}` };
}

/**
 * The remote-control link: the console on a phone (`?remote`, with the console's plan, so its slides
 * are the same), with the room's remote token (never the room key). The token sits in the fragment,
 * which the browser never sends to a server; the remote control wipes it from the address bar.
 */
export function controlUrl(joinBase: string, room: string, token: string, plan: string | null = null): string {
  const fragment = new URLSearchParams({ room, token }).toString();
  const query = plan ? `?remote&plan=${encodeURIComponent(plan)}` : '?remote';
  return `${joinBase.replace(/\/+$/, '')}/${query}#${fragment}`;
}

/**
 * Whether a link to `joinBase` travels unencrypted over a network other people's devices share: plain
 * `http` to an address that is not this computer itself. Then anyone on that Wi-Fi can read it.
 */
export function travelsInTheClear(joinBase: string): boolean {
  let url: URL;
  try {
    url = new URL(joinBase);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:') return false;
  const host = url.hostname.toLowerCase();
  const thisComputer =
    host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  return !thisComputer;
}
