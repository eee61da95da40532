import type { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, LIMITS, WS_PATH } from '../shared/protocol.ts';

// The protocol's constants, copied so that no validation library reaches the phones (protocol.ts
// builds its schemas when it is imported). The type annotations are the protocol's own literal types:
// when a value there changes, `tsc` fails here until this copy follows.

export const SOCKET_PATH: typeof WS_PATH = '/ws';
export const CODE_ALPHABET: typeof JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH: typeof JOIN_CODE_LENGTH = 6;
export const WORD_CHARS: (typeof LIMITS)['wordChars'] = 40;
export const OPEN_CHARS: (typeof LIMITS)['openChars'] = 280;
export const GROUP_CHARS: (typeof LIMITS)['groupChars'] = 40;
