import { describe, expect, it } from 'vitest';
import { checkVote } from '../../src/shared/pollTypes/rules.ts';
import { LIMITS, type VoteValue } from '../../src/shared/protocol.ts';
import { POLLS } from '../server/helpers/testDeck.ts';

const ok = (poll: Parameters<typeof checkVote>[0], value: VoteValue) => checkVote(poll, value).ok;

describe('a vote against its poll', () => {
  it('single: an option index that exists', () => {
    expect(ok(POLLS.single, 0)).toBe(true);
    expect(ok(POLLS.single, 2)).toBe(true);
    expect(ok(POLLS.single, 3)).toBe(false);
    expect(ok(POLLS.single, -1)).toBe(false);
    expect(ok(POLLS.single, [0])).toBe(false);
    expect(ok(POLLS.single, 'Rood')).toBe(false);
  });

  it('multiple: 1..max different options', () => {
    expect(ok(POLLS.multiple, [0, 3])).toBe(true);
    expect(ok(POLLS.multiple, [1])).toBe(true);
    expect(ok(POLLS.multiple, [0, 1, 2])).toBe(false);
    expect(ok(POLLS.multiple, [1, 1])).toBe(false);
    expect(ok(POLLS.multiple, [4])).toBe(false);
    expect(ok(POLLS.multiple, 1)).toBe(false);
  });

  it('scale: a whole number from min to max', () => {
    expect(ok(POLLS.scale, 1)).toBe(true);
    expect(ok(POLLS.scale, 5)).toBe(true);
    expect(ok(POLLS.scale, 0)).toBe(false);
    expect(ok(POLLS.scale, 6)).toBe(false);
    expect(ok(POLLS.scale, '3')).toBe(false);
  });

  it('ranking: every option exactly once', () => {
    expect(ok(POLLS.ranking, [2, 0, 1])).toBe(true);
    expect(ok(POLLS.ranking, [0, 1])).toBe(false);
    expect(ok(POLLS.ranking, [0, 1, 1])).toBe(false);
    expect(ok(POLLS.ranking, [0, 1, 3])).toBe(false);
  });

  it('word cloud: a short text with a word in it, stored trimmed', () => {
    expect(checkVote(POLLS.wordcloud, '  Taal  ')).toEqual({ ok: true, value: 'Taal' });
    expect(ok(POLLS.wordcloud, 'x'.repeat(LIMITS.wordChars))).toBe(true);
    expect(ok(POLLS.wordcloud, 'x'.repeat(LIMITS.wordChars + 1))).toBe(false);
    expect(ok(POLLS.wordcloud, '   ')).toBe(false);
    expect(ok(POLLS.wordcloud, '?!')).toBe(false);
    expect(ok(POLLS.wordcloud, 3)).toBe(false);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(ok(POLLS.wordcloud, '😀'.repeat(LIMITS.wordChars))).toBe(true);
  });

  it('open: 1..openChars characters, line breaks allowed, control characters not', () => {
    expect(ok(POLLS.open, 'Eerst taal,\ndan werk.')).toBe(true);
    expect(ok(POLLS.open, 'x'.repeat(LIMITS.openChars))).toBe(true);
    expect(ok(POLLS.open, 'x'.repeat(LIMITS.openChars + 1))).toBe(false);
    expect(ok(POLLS.open, '')).toBe(false);
    expect(ok(POLLS.open, 'bel\u0007')).toBe(false);
    expect(ok(POLLS.open, 'nul\u0000')).toBe(false);
  });
});

describe('a value of any shape (from storage or a hostile client)', () => {
  const shapes: unknown[] = [null, undefined, {}, { group: 1, text: [] }, [null], 2.5, NaN, true];

  it('is refused by every poll type without throwing', () => {
    for (const poll of Object.values(POLLS)) {
      for (const value of shapes) expect(checkVote(poll, value).ok, `${poll.type} ${String(value)}`).toBe(false);
    }
  });

  it('a scale takes whole points only', () => {
    expect(ok(POLLS.scale, 2.5)).toBe(false);
  });

  it('a group answer needs both its name and its text', () => {
    expect(checkVote(POLLS.group, { group: ' Groep 1 ', text: ' Eerst taal ' })).toEqual({
      ok: true,
      value: { group: 'Groep 1', text: 'Eerst taal' },
    });
    expect(checkVote(POLLS.group, { group: 'Groep 1' })).toMatchObject({ ok: false, code: 'bad-vote' });
    expect(checkVote(POLLS.group, { group: '\u202Eabc', text: 'x' })).toMatchObject({ ok: false, code: 'bad-text' });
  });
});
