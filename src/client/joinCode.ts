import { JOIN_CODE_ALPHABET as CODE_ALPHABET, JOIN_CODE_LENGTH as CODE_LENGTH } from '../shared/protocolLimits.ts';

/** What a person typed or a link carried, as a join code would be written: upper case, no spaces or dashes. */
export function normaliseCode(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}

export function isJoinCode(text: string): boolean {
  return text.length === CODE_LENGTH && [...text].every((char) => CODE_ALPHABET.includes(char));
}

/**
 * The join code a link carries: the short address `/<CODE>` (what the QR code encodes), else `#CODE`.
 * Null when neither holds a code, so the page asks for one.
 */
export function codeFromLocation(location: Pick<Location, 'pathname' | 'hash'>): string | null {
  const lastSegment = location.pathname.split('/').pop() ?? '';
  const candidates = [lastSegment, location.hash.replace(/^#/, '')];
  for (const candidate of candidates) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(candidate);
    } catch {
      continue;
    }
    const code = normaliseCode(decoded);
    if (isJoinCode(code)) return code;
  }
  return null;
}
