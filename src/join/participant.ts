const STORAGE_KEY = 'deck-participant';
const VALID_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** Bytes as base64url without padding: the characters a participant id may hold. */
export function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/**
 * This browser's participant id: 128 random bits, kept so a reload or a reconnect is the same person
 * (and a second vote replaces the first). No personal data: nothing but the random id.
 */
export function participantId(storage: Storage | null = safeLocalStorage()): string {
  const stored = storage?.getItem(STORAGE_KEY);
  if (stored && VALID_ID.test(stored)) return stored;
  const id = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  storage?.setItem(STORAGE_KEY, id);
  return id;
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
