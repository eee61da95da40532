import { isJoinCode, normaliseCode } from './joinCode.ts';

const VALID_KEY = /^[A-Za-z0-9_-]{22,128}$/;

/** The room and presenter key from the remote-control link `#room=CODE&key=KEY`; null when either is missing or malformed. */
export function controlParams(hash: string): { room: string; key: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const room = normaliseCode(params.get('room') ?? '');
  const key = params.get('key') ?? '';
  return isJoinCode(room) && VALID_KEY.test(key) ? { room, key } : null;
}
