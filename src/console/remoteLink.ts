import { isJoinCode, normaliseCode } from '../client/joinCode.ts';

// The remote control's link, `/?remote#room=CODE&token=TOKEN`: the token is the room's remote token
// (never the room key). It is read once, wiped from the address bar (history, screenshots, a shared
// screen) and kept in this tab's sessionStorage, so a reload still works. Afterwards the fragment holds
// the slide (`#/slug`, reveal's), which is no link.

const VALID_TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

export const CONTROL_LINK_KEY = 'control-link';

export interface ControlLink {
  room: string;
  token: string;
}

/** The room and remote token from the link's fragment; null when either is missing or malformed. */
export function controlParams(hash: string): ControlLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = normaliseCode(params.get('room') ?? '');
  const token = params.get('token') ?? '';
  return isJoinCode(room) && VALID_TOKEN.test(token) ? { room, token } : null;
}

type Address = Pick<Location, 'hash' | 'pathname' | 'search'>;
type Session = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * The link this page was opened with: from the fragment (then wiped from the address and kept in
 * `session`), or, without a fragment (a reload), the one kept before. Null for an incomplete link.
 */
export function takeControlLink(
  address: Address,
  history: Pick<History, 'replaceState'>,
  session: Session | null,
): ControlLink | null {
  if (address.hash !== '' && address.hash !== '#' && !address.hash.startsWith('#/')) {
    const link = controlParams(address.hash);
    // Wiped even when it is incomplete: it may still hold a secret.
    history.replaceState(null, '', address.pathname + address.search);
    if (link) keep(session, link);
    return link;
  }
  return kept(session);
}

function keep(session: Session | null, link: ControlLink): void {
  try {
    session?.setItem(CONTROL_LINK_KEY, JSON.stringify(link));
  } catch {
    // Storage switched off: the link then lasts until a reload.
  }
}

function kept(session: Session | null): ControlLink | null {
  try {
    const value = JSON.parse(session?.getItem(CONTROL_LINK_KEY) ?? 'null') as Partial<ControlLink> | null;
    return value && typeof value.room === 'string' && typeof value.token === 'string'
      ? controlParams(`#${new URLSearchParams({ room: value.room, token: value.token }).toString()}`)
      : null;
  } catch {
    return null;
  }
}

/** This tab's sessionStorage, or null where the browser refuses it. */
export function tabStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
