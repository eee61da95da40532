import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../src/server/parseMessage.ts';

const parse = (value: unknown) =>
  parseClientMessage(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), false);
const identity = 'abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUV';

describe('client messages', () => {
  it.each([
    { type: 'create-room' },
    { type: 'create-room', password: 'geheim', ref: 1 },
    { type: 'join', room: 'K7Q4PM', identity, ref: 2 },
    { type: 'join', room: 'K7Q4PM' },
    { type: 'pending', poll: 'open-vraag', before: 7 },
    { type: 'remove-word', poll: 'woord', word: 'Taal' },
    { type: 'present', room: 'K7Q4PM', key: 'A'.repeat(32) },
    { type: 'vote', poll: 'kies-een', value: 2 },
    { type: 'vote', poll: 'kies-meer', value: [0, 3] },
    { type: 'vote', poll: 'open-vraag', value: 'Eerst de taal' },
    { type: 'show', poll: null },
    { type: 'reveal', poll: 'kies-een', revealed: true },
    { type: 'approve', poll: 'open-vraag', answer: 3, approved: false },
  ])('accepts %j', (message) => {
    const parsed = parse(message);
    expect(parsed).toEqual({ ok: true, message });
  });

  it.each([
    ['not JSON', '{"type": "join",', /not valid JSON/],
    ['JSON that is not an object', '42', /unknown message type/],
    ['null', 'null', /unknown message type/],
    ['an unknown type', { type: 'drop-tables' }, /unknown message type/],
    ['a missing type', { room: 'K7Q4PM' }, /unknown message type/],
    ['a prototype trick', '{"__proto__": {"type": "join"}}', /unknown message type/],
    ['an unknown field', { type: 'vote', poll: 'kies-een', value: 1, admin: true }, /unknown field admin/],
    ['a join code with ambiguous letters', { type: 'join', room: 'K0O1IL', identity }, /invalid "room"/],
    ['a lower-case join code', { type: 'join', room: 'k7q4pm', identity }, /invalid "room"/],
    [
      'an identity without tag',
      { type: 'join', room: 'K7Q4PM', identity: 'abcdefghijklmnopqrstuv' },
      /invalid "identity"/,
    ],
    [
      'markup as identity',
      { type: 'join', room: 'K7Q4PM', identity: '<script>alert(1)</script>' },
      /invalid "identity"/,
    ],
    [
      'the old participant field',
      { type: 'join', room: 'K7Q4PM', participant: 'abcdefghijklmnopqrstuv' },
      /unknown field participant/,
    ],
    ['a short key', { type: 'present', room: 'K7Q4PM', key: 'abc' }, /invalid "key"/],
    ['a poll id with a path', { type: 'vote', poll: '../etc/passwd', value: 1 }, /invalid "poll"/],
    ['an object as vote', { type: 'vote', poll: 'kies-een', value: { $gt: 0 } }, /invalid "value"/],
    ['a fractional vote', { type: 'vote', poll: 'schaal', value: 2.5 }, /invalid "value"/],
    ['a huge number', { type: 'vote', poll: 'schaal', value: 1e308 }, /invalid "value"/],
    ['an empty list', { type: 'vote', poll: 'kies-meer', value: [] }, /invalid "value"/],
    ['too long a text', { type: 'vote', poll: 'open-vraag', value: 'x'.repeat(281) }, /invalid "value"/],
    ['a negative ref', { type: 'show', poll: null, ref: -1 }, /invalid "ref"/],
    ['a string where a boolean belongs', { type: 'reveal', poll: 'a', revealed: 'yes' }, /invalid "revealed"/],
  ])('refuses %s', (_name, value, reason) => {
    const parsed = parse(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(reason);
  });

  it('refuses binary messages', () => {
    expect(parseClientMessage(Buffer.from('{"type":"create-room"}'), true).ok).toBe(false);
  });

  it('keeps a usable ref of a refused message, so the client can match the error', () => {
    expect(parse({ type: 'vote', poll: 'kies-een', value: {}, ref: 9 })).toMatchObject({ ok: false, ref: 9 });
    expect(parse({ type: 'nonsense', ref: 'x' })).toMatchObject({ ok: false, ref: undefined });
  });
});
