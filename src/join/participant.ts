// The identities this phone was given, one per room: the server issues them (`<id>.<tag>`, signed for
// that room), the phone keeps them so a reload or a reconnect is the same participant (and a second
// vote replaces the first). A new room gets a new identity, so rooms cannot be linked. No personal
// data: nothing but the random ids the server made.

const STORAGE_KEY = 'deck-identities';
const VALID_IDENTITY = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;
const VALID_ROOM = /^[A-Z0-9]{6}$/;
/** Rooms remembered: the newest ones; a phone joins a few workshops at most. */
const ROOMS_KEPT = 20;

type Identities = Record<string, string>;

function read(storage: Storage | null): Identities {
  try {
    const value: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter(
        (entry): entry is [string, string] =>
          VALID_ROOM.test(entry[0]) && typeof entry[1] === 'string' && VALID_IDENTITY.test(entry[1]),
      ),
    );
  } catch {
    return {};
  }
}

function write(storage: Storage | null, identities: Identities): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(identities));
  } catch {
    // Storage full or refused: the identity lasts as long as the page (the app keeps it too).
  }
}

/** The identity this phone has for `room`, if any. */
export function storedIdentity(room: string, storage: Storage | null = safeLocalStorage()): string | undefined {
  return read(storage)[room];
}

/** Keeps the identity the server issued for `room`, as the newest of at most ROOMS_KEPT. */
export function keepIdentity(room: string, identity: string, storage: Storage | null = safeLocalStorage()): void {
  if (!VALID_IDENTITY.test(identity)) return;
  const others = Object.entries(read(storage)).filter(([code]) => code !== room);
  write(storage, Object.fromEntries([...others.slice(-(ROOMS_KEPT - 1)), [room, identity]]));
}

/** Forgets the identity for `room` (the server no longer takes it). */
export function forgetIdentity(room: string, storage: Storage | null = safeLocalStorage()): void {
  write(storage, Object.fromEntries(Object.entries(read(storage)).filter(([code]) => code !== room)));
}

/** localStorage, or null where the browser refuses it (some private modes throw on access). */
export function safeLocalStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    storage.getItem(STORAGE_KEY);
    return storage;
  } catch {
    return null;
  }
}
