import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countWords, normaliseWord } from '../../src/shared/aggregate.ts';
import { textProblem, wordForm } from '../../src/shared/textRules.ts';

describe('text that looks like something else', () => {
  it.each([
    ['the right-to-left override', 'gnp.\u202Eexe', 'bidi-control'],
    ['an embedding', 'a\u202Ab', 'bidi-control'],
    ['the pop directional formatting', 'a\u202Cb', 'bidi-control'],
    ['an isolate', '\u2067abc\u2069', 'bidi-control'],
    ['the first-strong isolate', '\u2068abc', 'bidi-control'],
    ['a zero-width space', 'we\u200Brk', 'invisible'],
    ['a zero-width non-joiner between Latin letters', 'we\u200Crk', 'invisible'],
    ['a zero-width joiner outside an emoji', 'we\u200Drk', 'invisible'],
    ['a zero-width joiner at the end of an emoji', '👩\u200D', 'invisible'],
    ['the word joiner', 'werk\u2060', 'invisible'],
    ['a byte order mark', '\uFEFFwerk', 'invisible'],
    ['an invisible operator', 'a\u2062b', 'invisible'],
    ['the Hangul filler', '\u3164', 'invisible'],
    ['tags outside a flag', 'werk\u{E0041}', 'invisible'],
    ['a lone high surrogate', 'werk\uD83D', 'lone-surrogate'],
    ['a lone low surrogate', '\uDC00werk', 'lone-surrogate'],
    ['five combining marks in a row', 'Z\u0301\u0302\u0303\u0304\u0305algo', 'mark-run'],
  ])('refuses %s', (_name, text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });

  it.each([
    ['plain Dutch', 'Eerst taal, dan werk!'],
    ['accents, composed or not', 'café cafe\u0301 één'],
    ['four combining marks', 'a\u0301\u0302\u0303\u0304'],
    ['Arabic with vowel marks', 'مَرْحَبًا بِكُمْ'],
    ['the direction marks phones type in mixed text', 'werk \u200Fعمل\u200E ok \u061C'],
    ['a soft hyphen', 'arbeids\u00ADmarkt'],
    ['a Persian word with its zero-width non-joiner', 'می\u200Cخواهم'],
    ['a Hindi conjunct with a zero-width joiner', 'क्\u200Dष'],
    ['emoji ZWJ sequences', '👩\u200D💻 👩🏽\u200D💻 ❤\uFE0F\u200D🔥 🏳\uFE0F\u200D🌈'],
    ['a keycap and a presentation selector', '1\uFE0F\u20E3 ❤\uFE0F ☺\uFE0E'],
    ['a subdivision flag', '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}'],
    ['a skin tone', '👍🏽'],
  ])('allows %s', (_name, text) => {
    expect(textProblem(text)).toBeNull();
  });
});

describe('word-cloud words compared as they look', () => {
  it('makes full-width letters, ligatures and mathematical letters plain (NFKC)', () => {
    expect(wordForm('ｗｅｒｋ')).toBe('werk');
    expect(wordForm('ﬁets')).toBe('fiets');
    expect(wordForm('\u{1D430}\u{1D41E}\u{1D42B}\u{1D424}')).toBe('werk');
  });

  it('drops invisible characters but keeps what an emoji or a script needs', () => {
    expect(wordForm('werk\u00AD')).toBe('werk');
    expect(wordForm('we\u200Erk\uFE0F')).toBe('werk');
    expect(wordForm('👩\u200D💻')).toBe('👩\u200D💻');
    expect(wordForm('❤\uFE0F')).toBe('❤\uFE0F');
    expect(wordForm('می\u200Cخواهم')).toBe('می\u200Cخواهم');
  });

  it('counts look-alikes as one word', () => {
    expect(normaliseWord('ＷＥＲＫ')).toBe('werk');
    expect(countWords(['werk', 'ｗｅｒｋ', 'werk\u00AD', 'Werk\u200E', 'WERK!'])).toEqual([{ word: 'werk', count: 5 }]);
  });
});

it('uses no regular-expression lookbehind, which the phones of the build target (Safari 14) cannot parse', () => {
  const source = readFileSync(new URL('../../src/shared/textRules.ts', import.meta.url), 'utf8');
  expect(source).not.toMatch(/\(\?<[=!]/);
});
