import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../shared/protocol.ts';

// A room's secrets of different strength: the join code is public (on the QR code, on the screen),
// the presenter key proves who runs the room, and the remote-control token (for the trainer's phone,
// made on request and replaced on request) gives the same rights without being the key. Both secrets
// are stored only as hashes.

/** 192 random bits; the issue asks for at least 128. */
const KEY_BYTES = 24;

export function newJoinCode(): string {
  let code = '';
  for (let k = 0; k < JOIN_CODE_LENGTH; k++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

export function newPresenterKey(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

/** The remote-control token: as strong as the key, and made the same way. */
export const newRemoteToken = newPresenterKey;

/** sha256 of the key, hex: what the store keeps. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Compares in constant time, so the answer time says nothing about how much of the key was right. */
export function keyMatches(key: string, keyHash: string): boolean {
  const given = Buffer.from(hashKey(key), 'hex');
  const stored = Buffer.from(keyHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/**
 * Which of a room's presenter secrets `secret` is: its key, its current remote-control token, or
 * neither (null). Both are compared, whatever the first says, so the time taken tells nothing.
 */
export function presenterSecretKind(
  secret: string,
  room: { keyHash: string; remoteHash: string | null },
): 'key' | 'remote' | null {
  const isKey = keyMatches(secret, room.keyHash);
  const isRemote = room.remoteHash !== null && keyMatches(secret, room.remoteHash);
  return isKey ? 'key' : isRemote ? 'remote' : null;
}

/** The same constant-time comparison for the server's presenter password. */
export function passwordMatches(given: string, expected: string): boolean {
  return keyMatches(given, hashKey(expected));
}

/** `k7q4pm` -> `K7Q4PM`; null when the text cannot be a join code. */
export function parseJoinCode(text: string): string | null {
  const code = text.toUpperCase();
  if (code.length !== JOIN_CODE_LENGTH) return null;
  return [...code].every((char) => JOIN_CODE_ALPHABET.includes(char)) ? code : null;
}
