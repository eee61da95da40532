// The presenter's room, kept in this browser so reloading the deck resumes the same room (and the
// same join code on the QR codes). The key never leaves this browser except to the poll server.

export const PRESENTER_ROOM_KEY = 'deck-presenter-room';

export interface PresenterRoom {
  room: string;
  key: string;
  /** The remote-control token of the QR code in the Trainer menu, once the server made one. */
  remote?: string;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const isSecret = (value: unknown): value is string => typeof value === 'string' && /^[\w-]{22,128}$/.test(value);

function isPresenterRoom(value: unknown): value is PresenterRoom {
  if (typeof value !== 'object' || value === null) return false;
  const { room, key } = value as Record<string, unknown>;
  return typeof room === 'string' && /^[A-Z0-9]{6}$/.test(room) && isSecret(key);
}

/** The stored room, or null when there is none (or what is stored is not a room). */
export function loadPresenterRoom(store: Store | null): PresenterRoom | null {
  try {
    const value: unknown = JSON.parse(store?.getItem(PRESENTER_ROOM_KEY) ?? 'null');
    if (!isPresenterRoom(value)) return null;
    const room: PresenterRoom = { room: value.room, key: value.key };
    if (isSecret(value.remote)) room.remote = value.remote;
    return room;
  } catch {
    return null;
  }
}

export function savePresenterRoom(store: Store | null, room: PresenterRoom): void {
  try {
    store?.setItem(PRESENTER_ROOM_KEY, JSON.stringify({ room: room.room, key: room.key, remote: room.remote }));
  } catch {
    // Storage may be full or switched off: the room then lasts as long as this page.
  }
}

export function forgetPresenterRoom(store: Store | null): void {
  try {
    store?.removeItem(PRESENTER_ROOM_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/** localStorage, or null where the browser refuses it (some file:// and privacy settings). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
