import { describe, expect, it } from 'vitest';
import { clientMessageSchema, voteValueSchema } from '../../src/server/protocolSchemas.ts';
import type { ClientMessage, VoteValue } from '../../src/shared/protocol.ts';

// The contract (src/shared/protocol.ts, types without zod) and the server's schemas must describe the
// same messages. protocolSchemas.ts checks the types at compile time; this checks at run time that
// every message type has a schema, every field a rule, and a complete message of each type passes.

type Complete<T extends ClientMessage['type']> = Required<Extract<ClientMessage, { type: T }>>;

/** One message of every type with every field, optional ones too: the compiler insists on all of them. */
const EXAMPLES: { [T in ClientMessage['type']]: Complete<T> } = {
  'create-room': { type: 'create-room', ref: 1, password: 'geheim' },
  join: { type: 'join', ref: 2, room: 'K7Q4PM', identity: `${'a'.repeat(22)}.${'b'.repeat(22)}` },
  present: { type: 'present', ref: 3, room: 'K7Q4PM', key: 'k'.repeat(22) },
  'new-remote-link': { type: 'new-remote-link', ref: 4 },
  vote: { type: 'vote', ref: 5, poll: 'kies-een', value: 1 },
  show: { type: 'show', ref: 6, poll: null },
  open: { type: 'open', ref: 7, poll: 'kies-een' },
  close: { type: 'close', ref: 8, poll: 'kies-een' },
  reveal: { type: 'reveal', ref: 9, poll: 'kies-een', revealed: true },
  reset: { type: 'reset', ref: 10, poll: 'kies-een' },
  timer: { type: 'timer', ref: 11, timer: { exercise: 'amina', seconds: 600, remainingMs: 599_000, running: true } },
  approve: { type: 'approve', ref: 12, poll: 'open-vraag', answer: 3, approved: true },
  pending: { type: 'pending', ref: 13, poll: 'open-vraag', before: 40 },
  'remove-word': { type: 'remove-word', ref: 14, poll: 'woorden', word: 'taal' },
  view: { type: 'view', ref: 15, view: { slide: { h: 4, v: 1 }, black: false, at: 1_790_000_000_000 } },
  'plan-part': { type: 'plan-part', ref: 16, plan: 'dagdeel', part: 'block-3-kort' },
};

const VOTE_VALUES: VoteValue[] = [2, [0, 2], 'taal', { group: 'Groep 1', text: 'werk eerst' }];

describe('the protocol schemas', () => {
  it('have a schema for every message type of the contract, and no other', () => {
    const schemaTypes = clientMessageSchema.options.map((option) => option.shape.type.value);
    expect(schemaTypes.toSorted()).toEqual(Object.keys(EXAMPLES).toSorted());
  });

  it('have a rule for every field of every message, and no other', () => {
    for (const option of clientMessageSchema.options) {
      const example = EXAMPLES[option.shape.type.value];
      expect(Object.keys(option.shape).toSorted(), option.shape.type.value).toEqual(Object.keys(example).toSorted());
    }
  });

  it('accept a complete message of every type as it is', () => {
    for (const example of Object.values(EXAMPLES)) {
      const parsed = clientMessageSchema.safeParse(example);
      expect(parsed.success ? parsed.data : parsed.error.issues, example.type).toEqual(example);
    }
  });

  it('refuse a view outside the deck or without its time', () => {
    const view = { slide: { h: 4, v: 1 }, black: false, at: 1_790_000_000_000 };
    for (const bad of [
      { ...view, slide: { h: -1, v: 0 } },
      { ...view, slide: { h: 1000, v: 0 } },
      { ...view, slide: { h: 1.5, v: 0 } },
      { ...view, at: 0 },
      { slide: view.slide, black: false },
      { ...view, extra: 1 },
    ]) {
      expect(clientMessageSchema.safeParse({ type: 'view', view: bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('accept a vote value of every shape of the contract', () => {
    for (const value of VOTE_VALUES) expect(voteValueSchema.safeParse(value).success, JSON.stringify(value)).toBe(true);
    expect(voteValueSchema.options).toHaveLength(VOTE_VALUES.length);
  });
});
