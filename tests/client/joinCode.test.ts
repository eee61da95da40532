import { describe, expect, test } from 'vitest';
import { codeFromLocation, isJoinCode, normaliseCode } from '../../src/client/joinCode.ts';

const at = (pathname: string, hash = ''): { pathname: string; hash: string } => ({ pathname, hash });

describe('the join code in the address', () => {
  test('the short address /<CODE> carries it, in any case', () => {
    expect(codeFromLocation(at('/K7Q4PM'))).toBe('K7Q4PM');
    expect(codeFromLocation(at('/k7q4pm'))).toBe('K7Q4PM');
  });

  test('#CODE carries it when the path does not', () => {
    expect(codeFromLocation(at('/join.html', '#K7Q4PM'))).toBe('K7Q4PM');
    expect(codeFromLocation(at('/join.html', '#k7q4pm'))).toBe('K7Q4PM');
  });

  test('the path wins over the fragment', () => {
    expect(codeFromLocation(at('/ABCDEF', '#K7Q4PM'))).toBe('ABCDEF');
  });

  test('no code, or a malformed one, asks for the code', () => {
    expect(codeFromLocation(at('/join.html'))).toBeNull();
    expect(codeFromLocation(at('/'))).toBeNull();
    expect(codeFromLocation(at('/K7Q4P'))).toBeNull(); // too short
    expect(codeFromLocation(at('/K7Q4PMX'))).toBeNull(); // too long
    expect(codeFromLocation(at('/join.html', '#K7Q4P0'))).toBeNull(); // 0 is not in the alphabet
    expect(codeFromLocation(at('/join.html', '#%E0%A4%A'))).toBeNull(); // broken escape
    expect(codeFromLocation(at('/join.html', '#<script>'))).toBeNull();
  });
});

describe('a typed code', () => {
  test('spaces and dashes are dropped, letters made capitals', () => {
    expect(normaliseCode(' k7q-4pm ')).toBe('K7Q4PM');
    expect(normaliseCode('K7Q 4PM')).toBe('K7Q4PM');
  });

  test('only six characters of the unambiguous alphabet make a code', () => {
    expect(isJoinCode('K7Q4PM')).toBe(true);
    expect(isJoinCode('K7Q4PO')).toBe(false); // O looks like 0
    expect(isJoinCode('K7Q4P1')).toBe(false); // 1 looks like I and L
    expect(isJoinCode('k7q4pm')).toBe(false); // not normalised
    expect(isJoinCode('')).toBe(false);
  });
});
