import { expect, test } from 'vitest';
import * as protocol from '../../src/shared/protocol.ts';
import { CODE_ALPHABET, CODE_LENGTH, OPEN_CHARS, SOCKET_PATH, WORD_CHARS } from '../../src/join/limits.ts';

// tsc already ties the copies to the protocol's literal types; this checks the values at run time too.
test("the join page's copies of the protocol constants match the protocol", () => {
  expect(SOCKET_PATH).toBe(protocol.WS_PATH);
  expect(CODE_ALPHABET).toBe(protocol.JOIN_CODE_ALPHABET);
  expect(CODE_LENGTH).toBe(protocol.JOIN_CODE_LENGTH);
  expect(WORD_CHARS).toBe(protocol.LIMITS.wordChars);
  expect(OPEN_CHARS).toBe(protocol.LIMITS.openChars);
});
