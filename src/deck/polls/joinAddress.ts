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

/** The remote-control link. The key sits in the fragment, which the browser never sends to a server. */
export function controlUrl(joinBase: string, room: string, key: string): string {
  const fragment = new URLSearchParams({ room, key }).toString();
  return `${joinBase.replace(/\/+$/, '')}/control.html#${fragment}`;
}
