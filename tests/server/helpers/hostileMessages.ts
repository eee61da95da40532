import fc from 'fast-check';
import { normaliseWord } from '../../../src/shared/aggregate.ts';
import { textProblem } from '../../../src/shared/textRules.ts';
import type { Poll } from '../../../src/shared/deck.ts';
import { clientMessageSchema } from '../../../src/server/protocolSchemas.ts';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, LIMITS, type ErrorCode } from '../../../src/shared/protocol.ts';
import { arbitraryOf, jsonSchemaOf, type Hints } from './schemaArbitrary.ts';

// Hostile messages for the poll server, each with the one answer the server must give: an `error` with
// this code and this ref. Message shapes come from the protocol's zod schemas, so a new message type is
// fuzzed as soon as it exists (as a presenter action, unless `expectedAnswer` learns otherwise); what the
// server should answer is a small model of the server written from the protocol's comments, not from
// its code. Messages the model says would be accepted (a valid vote, a join of the real room) are not
// hostile and are left out.

/** Who sends: a connection that joined nothing, or a participant who joined the room. Never a presenter. */
export type Role = 'stranger' | 'participant';

/**
 * What the fuzzed server holds: one room, the deck's polls, which of them are open now and which one
 * is on screen (the server runs without vote grace, so votes count for that one only).
 */
export interface FuzzWorld {
  room: string;
  polls: readonly Poll[];
  open: ReadonlySet<string>;
  current: string;
}

export interface Hostile {
  /** A text frame, or the bytes of a binary frame. */
  data: string | Buffer;
  /** The message type, `(garbage)` when there is none, for the statistics. */
  kind: string;
  code: ErrorCode;
  ref: number | undefined;
}

export type Expected = { code: ErrorCode; ref: number | undefined; kind: string } | 'accepted';

/** Message types with their own rules; every other type is a presenter action. */
const PARTICIPANT_TYPES = new Set(['create-room', 'join', 'present', 'vote']);

export const MESSAGE_OPTIONS = clientMessageSchema.options.map((option) => ({
  type: String(option.shape.type.value),
  schema: option,
  json: jsonSchemaOf(option),
}));

// --- What the server must answer -------------------------------------------------------------------

/** C0 and C1 control characters (Unicode category Cc) other than tab, line feed and carriage return. */
const isControl = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
};

/**
 * A typed answer: not blank, at most `max` characters (code points), no control characters but tab and
 * line breaks (else bad-vote); then nothing that looks like something else (else bad-text, textRules.ts).
 */
function textVerdict(value: unknown, max: number): 'ok' | 'bad-vote' | 'bad-text' {
  if (typeof value !== 'string') return 'bad-vote';
  const text = value.trim();
  const chars = [...text];
  if (chars.length === 0 || chars.length > max || chars.some(isControl)) return 'bad-vote';
  return textProblem(text) === null ? 'ok' : 'bad-text';
}

const isText = (value: unknown, max: number): boolean => textVerdict(value, max) === 'ok';

/** 'bad-text' when the server refuses the vote for its text's characters (checked in this order). */
function textRefusal(poll: Poll, value: unknown): 'bad-text' | null {
  const verdicts =
    poll.type === 'wordcloud'
      ? [textVerdict(value, LIMITS.wordChars)]
      : poll.type === 'open'
        ? [textVerdict(value, LIMITS.openChars)]
        : poll.type === 'group' && isRecord(value)
          ? [textVerdict(value.group, LIMITS.groupChars), textVerdict(value.text, LIMITS.openChars)]
          : [];
  return verdicts.find((verdict) => verdict !== 'ok') === 'bad-text' ? 'bad-text' : null;
}

const isIndex = (value: unknown, count: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` is a vote the poll takes, per poll type as the README describes it; undefined for a type not known here. */
export function isValidVote(poll: Poll, value: unknown): boolean | undefined {
  const n = poll.options.length;
  const max = 'max' in poll ? poll.max : 0;
  const min = 'min' in poll ? poll.min : 0;
  switch (poll.type as string) {
    case 'single':
      return isIndex(value, n);
    case 'multiple':
      return (
        Array.isArray(value) &&
        value.length >= 1 &&
        value.length <= max &&
        new Set(value).size === value.length &&
        value.every((pick) => isIndex(pick, n))
      );
    case 'scale':
      return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
    case 'ranking':
      return (
        Array.isArray(value) &&
        value.length === n &&
        new Set(value).size === n &&
        value.every((option) => isIndex(option, n))
      );
    case 'wordcloud':
      return isText(value, LIMITS.wordChars) && normaliseWord(String(value).trim()) !== '';
    case 'open':
      return isText(value, LIMITS.openChars);
    case 'group':
      return (
        isRecord(value) &&
        Object.keys(value).length === 2 &&
        isText(value.group, LIMITS.groupChars) &&
        isText(value.text, LIMITS.openChars)
      );
    default:
      return undefined;
  }
}

/** A vote each known poll type accepts; `k` varies it. */
export function validVote(poll: Poll, k = 0): unknown {
  const n = poll.options.length;
  switch (poll.type as string) {
    case 'single':
      return k % n;
    case 'multiple':
      return [k % n];
    case 'scale':
      return 'min' in poll ? poll.min + (k % (poll.max - poll.min + 1)) : undefined;
    case 'ranking':
      return Array.from({ length: n }, (_, i) => (i + k) % n);
    case 'wordcloud':
      return ['taal', 'Werk!', 'netwerk'][k % 3];
    case 'open':
      return ['Eerst de taal', '<b>Stage</b> lopen', 'Een buddy'][k % 3];
    case 'group':
      return { group: `Groep ${k + 1}`, text: 'Samen zoeken naar werk' };
    default:
      return undefined;
  }
}

/** The request's ref as the protocol promises to echo it: a safe non-negative integer of a JSON object. */
function refOf(value: unknown): number | undefined {
  if (!isRecord(value) || !('ref' in value)) return undefined;
  const ref = value.ref;
  return typeof ref === 'number' && Number.isSafeInteger(ref) && ref >= 0 ? ref : undefined;
}

/** The answer `role` must get for `data` in `world`. */
export function expectedAnswer(world: FuzzWorld, role: Role, data: string | Buffer): Expected {
  const garbage = (ref?: number): Expected => ({ code: 'bad-message', ref, kind: '(garbage)' });
  if (typeof data !== 'string') return garbage();
  let value: unknown;
  try {
    // As it arrives: UTF-8 on the wire turns a lone surrogate into U+FFFD.
    value = JSON.parse(Buffer.from(data, 'utf8').toString('utf8'));
  } catch {
    return garbage();
  }
  const ref = refOf(value);
  const parsed = clientMessageSchema.safeParse(value);
  if (!parsed.success) {
    const type = isRecord(value) && typeof value.type === 'string' ? value.type : '';
    const known = MESSAGE_OPTIONS.some((option) => option.type === type);
    return { code: 'bad-message', ref, kind: known ? type : '(garbage)' };
  }
  const message = parsed.data;
  const answer = (code: ErrorCode): Expected => ({ code, ref, kind: message.type });
  switch (message.type) {
    case 'create-room':
      return 'accepted';
    case 'join':
      // One connection is one participant; a participant's own identity is never generated, and no
      // other identity is one the server issued (its tag is signed with the server's secret).
      if (role === 'participant') return answer('already-joined');
      if (message.identity !== undefined) return answer('bad-identity');
      return message.room === world.room ? 'accepted' : answer('unknown-room');
    case 'present':
      if (role === 'participant') return answer('already-joined');
      // The key is never the room's: it is random, and the real one is not known to the generator.
      return message.room === world.room ? answer('not-presenter') : answer('unknown-room');
    case 'vote': {
      if (role !== 'participant') return answer('not-joined');
      const poll = world.polls.find((candidate) => candidate.id === message.poll);
      if (!poll) return answer('unknown-poll');
      if (!world.open.has(poll.id)) return answer('poll-closed');
      if (poll.id !== world.current) return answer('not-current');
      const refusal = textRefusal(poll, message.value);
      if (refusal) return answer(refusal);
      const valid = isValidVote(poll, message.value);
      if (valid === undefined) throw new Error(`fuzz world: poll type ${poll.type} is open but not modelled`);
      return valid ? 'accepted' : answer('bad-vote');
    }
    default:
      if (PARTICIPANT_TYPES.has(message.type)) throw new Error(`expectedAnswer: model ${message.type}`);
      return answer('not-presenter');
  }
}

// --- Text that has no business in a poll server -----------------------------------------------------

const NASTY_TEXT = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg/onload=alert(1)>',
  "javascript:alert('x')",
  '</textarea><iframe src="//evil.example">',
  "'; DROP TABLE votes; --",
  '" OR 1=1 --',
  '{{constructor.constructor("alert(1)")()}}',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '%00%0d%0a',
  '\u202egnp.exe',
  'Z\u0351\u0352\u0353a\u0354\u0355\u0356l\u0357\u0358g\u0359\u035ao\u035b',
  'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '\ud800',
  '\udfff\ud800',
  '\ufeff',
  '\u200b\u200c\u200d\u2060',
  '\u2028\u2029',
  'مرحبا بالعالم',
  'ትግርኛ',
  '𝕳𝖊𝖑𝖑𝖔',
  'ﷺ',
  'İ ß ǅ',
  '\\',
  '"',
  '\\u0000',
  'null',
  'NaN',
];

const CONTROL_CHARS = [...'\u0000\u0001\u0007\u0008\u000b\u000c\u000e\u001b\u001f\u007f\u0080\u0085\u009f'];
const BLANKS = [' ', '\t', '\n', '\r', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u2028'];
const PUNCTUATION = ['!', '?', '.', ',', '…', '¿', '«', '»', '-', '—', '"', '(', ')'];

export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_TEXT), weight: 3 },
  fc.array(fc.constantFrom(...NASTY_TEXT), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' ')),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** A string field's content made too long, or otherwise unfit, for `max` characters. */
function unfitText(max: number, needsWord: boolean): fc.Arbitrary<unknown> {
  const blank = fc.array(fc.constantFrom(...BLANKS), { maxLength: 12 }).map((parts) => parts.join(''));
  const withControl = fc
    .tuple(hostileText, fc.constantFrom(...CONTROL_CHARS), hostileText)
    .map(([before, control, after]) => `x${before}${control}${after}x`);
  const tooLong = fc.tuple(hostileText, fc.integer({ min: 1, max: 40 })).map(([text, extra]) => {
    const unit = text.trim() === '' ? 'w' : text;
    let long = 'w';
    while ([...long].length <= max + extra) long += unit;
    return long;
  });
  const notText = fc.oneof(
    fc.integer({ min: -1000, max: 1000 }),
    fc.array(fc.nat(99), { minLength: 1, maxLength: 12 }),
    fc.constantFrom(null, true, {}, [], 0.5),
  );
  const noWord = fc
    .array(fc.constantFrom(...PUNCTUATION, ...BLANKS), { minLength: 1, maxLength: 8 })
    .map((parts) => parts.join(''));
  return fc.oneof(blank, withControl, tooLong, notText, ...(needsWord ? [noWord] : []));
}

/** Values a poll of this type must refuse (out-of-range options, wrong shapes, unfit text), or null for an unknown type. */
export function unfitVote(poll: Poll): fc.Arbitrary<unknown> | null {
  const n = poll.options.length;
  const notANumber = fc.oneof(fc.array(fc.nat(99), { minLength: 1, maxLength: 12 }), hostileText, fc.constant(1.5));
  const notAList = fc.oneof(fc.integer({ min: -1000, max: 1000 }), hostileText, fc.constant({}));
  const outOfRange = (count: number) =>
    fc.oneof(fc.integer({ min: count, max: 1000 }), fc.integer({ min: -1000, max: -1 }), fc.constant(2 ** 53));
  switch (poll.type as string) {
    case 'single':
      return fc.oneof(outOfRange(n), notANumber);
    case 'multiple': {
      const max = 'max' in poll ? poll.max : n;
      const indexes = Array.from({ length: n }, (_, i) => i);
      return fc.oneof(
        notAList,
        fc
          .tuple(fc.uniqueArray(fc.nat(n - 1), { maxLength: 2 }), fc.integer({ min: n, max: 99 }))
          .map(([picks, wrong]) => [...picks, wrong]),
        fc.nat(n - 1).map((pick) => [pick, pick]),
        ...(n > max ? [fc.shuffledSubarray(indexes, { minLength: max + 1 })] : []),
      );
    }
    case 'scale': {
      const [min, max] = 'min' in poll ? [poll.min, poll.max] : [0, 0];
      return fc.oneof(fc.integer({ min: max + 1, max: 1000 }), fc.integer({ min: -1000, max: min - 1 }), notANumber);
    }
    case 'ranking':
      return fc.oneof(
        notAList,
        fc.array(fc.nat(Math.max(n, 12)), { minLength: 1, maxLength: 12 }),
        fc.nat(n - 1).map((first) => Array.from({ length: n }, () => first)),
      );
    case 'wordcloud':
      return unfitText(LIMITS.wordChars, true);
    case 'open':
      return unfitText(LIMITS.openChars, false);
    case 'group': {
      const fitting = fc.constantFrom('Groep 1', 'De <b>snelle</b> tafel', '👩‍👩‍👧‍👦');
      return fc.oneof(
        notAList,
        fc.record({ group: unfitText(LIMITS.groupChars, false), text: fitting }),
        fc.record({ group: fitting, text: unfitText(LIMITS.openChars, false) }),
        fc.record({ group: fitting, text: fitting, admin: fc.boolean() }),
        fc.record({ text: fitting }),
      );
    }
    default:
      return null;
  }
}

// --- Hostile messages --------------------------------------------------------------------------------

const joinCode = fc
  .array(fc.constantFrom(...JOIN_CODE_ALPHABET), { minLength: JOIN_CODE_LENGTH, maxLength: JOIN_CODE_LENGTH })
  .map((chars) => chars.join(''));

const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  hostileText,
  fc.constantFrom(-1, 1.5, 1e308, -0, 2 ** 53, null, true, false, [], {}, '', ' ', 'null', '0'),
);

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'admin', 'role', 'isPresenter', 'key', 'toString', ''];

const TYPE_VARIANTS = (type: string) => [
  type.toUpperCase(),
  ` ${type}`,
  `${type}\u0000`,
  `${type}\u200b`,
  type.replace(/o/g, '\u043e'), // Cyrillic o
  `${type}s`,
];

const SPECIAL_TEXTS = [
  '',
  ' ',
  'null',
  'true',
  '0',
  '-0',
  '1e999',
  'NaN',
  'Infinity',
  'undefined',
  '[]',
  '{}',
  '""',
  '{"type":null}',
  '{"type":["vote"]}',
  '{"type":{"toString":"vote"}}',
  '{"type":"toString"}',
  '{"type":"__proto__"}',
  '{"type":"constructor"}',
  '{"type":"hasOwnProperty"}',
  "{'type':'show','poll':null}",
  '{"type":"show","poll":null,}',
  '{"type":"show","poll":null}\n{"type":"show","poll":null}',
  '{"type":"show","poll":null} x',
  '\u0000',
  '\ufeff{"type":"show","poll":null}',
  '{"__proto__":{"type":"show","poll":null}}',
  '{"constructor":{"prototype":{"isPresenter":true}},"type":"show","poll":null}',
  '{"type":"show","poll":null,"ref":1e400}',
  '{"type":"show","poll":null,"ref":-0}',
  '{"type":"show","poll":null,"ref":9007199254740993}',
  '{"type":"show","poll":null,"ref":"7"}',
  '{"type":"vote","poll":"kies-een","value":0,"value":{"$gt":0}}',
];

/** Serialises with an extra key, which may be `__proto__` (an own property once parsed as JSON). */
function withKey(message: Record<string, unknown>, key: string, value: unknown): string {
  const text = JSON.stringify(message);
  const rest = text === '{}' ? '' : `${text.slice(1, -1)},`;
  return `{${rest}${JSON.stringify(key)}:${JSON.stringify(value)}}`;
}

interface Mutation {
  kind: 'drop' | 'extra' | 'retype' | 'type';
  pick: number;
  key: string;
  value: unknown;
}

function mutate(message: Record<string, unknown>, mutation: Mutation): string {
  const keys = Object.keys(message);
  const key = keys[mutation.pick % keys.length] ?? 'type';
  switch (mutation.kind) {
    case 'drop': {
      const dropped = key === 'type' ? (keys[1] ?? 'type') : key;
      return JSON.stringify(Object.fromEntries(Object.entries(message).filter(([name]) => name !== dropped)));
    }
    case 'extra':
      return withKey(message, mutation.key, mutation.value);
    case 'retype':
      return JSON.stringify({ ...message, [key]: mutation.value });
    case 'type': {
      const variants = TYPE_VARIANTS(String(message.type));
      return JSON.stringify({ ...message, type: variants[mutation.pick % variants.length] });
    }
  }
}

/** Every kind of hostile message for `role` in `world`, with the answer it must get. */
export function hostileMessage(world: FuzzWorld, role: Role): fc.Arbitrary<Hostile> {
  const pollIds = world.polls.map((poll) => poll.id);
  const hints: Hints = {
    poll: fc.constantFrom(...pollIds, 'bestaat-niet', `${pollIds[0] ?? 'x'}-2`, 'constructor', 'tostring'),
    room: fc.oneof(fc.constant(world.room), joinCode),
    exercise: fc.constantFrom('nahom', 'bestaat-niet'),
    '*text': hostileText,
  };
  const ref = fc.option(fc.nat(), { nil: undefined });

  // Well-formed messages of every type the protocol has (the refinements zod adds are checked here).
  const wellFormed = fc.oneof(
    ...MESSAGE_OPTIONS.map(({ schema, json }) =>
      arbitraryOf(json, hints).filter((value) => schema.safeParse(value).success),
    ),
  ) as fc.Arbitrary<Record<string, unknown>>;

  // Votes with values their poll must refuse, for every poll and for polls that do not exist.
  const unfitVotes = fc
    .oneof(
      ...world.polls.flatMap((poll) => {
        const values = unfitVote(poll);
        return values ? [fc.record({ poll: fc.constant(poll.id), value: values, ref })] : [];
      }),
      fc.record({ poll: fc.constantFrom('bestaat-niet', 'kies-een-extra'), value: wrongValue, ref }),
    )
    .map((vote) => JSON.stringify({ type: 'vote', ...vote }));

  const mutation: fc.Arbitrary<Mutation> = fc.record({
    kind: fc.constantFrom('drop', 'extra', 'retype', 'type'),
    pick: fc.nat(),
    key: fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ maxLength: 12 })),
    value: wrongValue,
  });
  const mutated = fc.tuple(wellFormed, mutation).map(([message, change]) => mutate(message, change));

  // Big, but under the size limit: over it the socket is closed instead (tested separately).
  const big = fc
    .tuple(wellFormed, fc.nat(), hostileText, fc.integer({ min: 300, max: 3000 }))
    .map(([message, pick, text, bytes]) => {
      const keys = [...Object.keys(message), 'padding'];
      const key = keys[pick % keys.length] ?? 'padding';
      const unit = text === '' ? 'x' : text;
      const long = unit.repeat(Math.ceil(bytes / Math.max(1, Buffer.byteLength(unit))));
      return pick % 5 === 0
        ? JSON.stringify({ ...message, [key]: Array.from({ length: Math.floor(bytes / 4) }, (_, k) => k % 100) })
        : JSON.stringify({ ...message, [key]: long });
    });

  const garbage = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
    fc.constantFrom(...SPECIAL_TEXTS),
    wellFormed.chain((message) => {
      const text = JSON.stringify(message);
      return fc.nat(text.length - 1).map((cut) => text.slice(0, cut));
    }),
    // The same key twice: JSON.parse keeps the last, and so must the model.
    wellFormed.map((message) => `{"type":"create-room",${JSON.stringify(message).slice(1)}`),
    fc.integer({ min: 1, max: 1500 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
    fc
      .integer({ min: 1, max: 1500 })
      .map((depth) => `{"type":"vote","poll":"${pollIds[0] ?? 'x'}","value":${'['.repeat(depth)}${']'.repeat(depth)}}`),
    fc.integer({ min: 1, max: 600 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  );

  // Binary frames, even ones holding a well-formed message.
  const binary = fc.oneof(
    fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
    wellFormed.map((message) => Buffer.from(JSON.stringify(message))),
  );

  const frames: fc.Arbitrary<string | Buffer> = fc.oneof(
    { arbitrary: wellFormed.map((message) => JSON.stringify(message)), weight: 4 },
    { arbitrary: unfitVotes, weight: 4 },
    { arbitrary: mutated, weight: 4 },
    { arbitrary: garbage, weight: 4 },
    { arbitrary: big, weight: 1 },
    { arbitrary: binary, weight: 1 },
  );
  return frames
    .filter((data) => Buffer.byteLength(data) <= LIMITS.messageBytes)
    .map((data) => ({ data, expected: expectedAnswer(world, role, data) }))
    .filter(
      (item): item is { data: string | Buffer; expected: Exclude<Expected, 'accepted'> } =>
        item.expected !== 'accepted',
    )
    .map(({ data, expected }) => ({ data, ...expected }));
}
