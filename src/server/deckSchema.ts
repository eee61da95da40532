import { z } from 'zod';
import type { Deck } from '../shared/deck.ts';
import type { Equal } from './sameType.ts';

// deck.json as a schema, for readers of the built file (the poll server, tests). The type check at the
// bottom keeps it equal to the Deck type the build writes.

const quote = z.strictObject({ text: z.string().min(1), speaker: z.string().min(1) });
const pollBase = {
  id: z.string().min(1),
  question: z.string().min(1),
  options: z.array(z.string()),
  hidden: z.boolean(),
};
const poll = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single'), ...pollBase }),
  z.strictObject({ type: z.literal('multiple'), ...pollBase, max: z.number().int() }),
  z.strictObject({
    type: z.literal('scale'),
    ...pollBase,
    min: z.number().int(),
    max: z.number().int(),
    labels: z.tuple([z.string(), z.string()]),
  }),
  z.strictObject({ type: z.literal('wordcloud'), ...pollBase, moderation: z.enum(['approve', 'auto']).optional() }),
  z.strictObject({ type: z.literal('open'), ...pollBase, moderation: z.enum(['approve', 'auto']) }),
  z.strictObject({ type: z.literal('ranking'), ...pollBase }),
  z.strictObject({ type: z.literal('group'), ...pollBase }),
]);
const fileInfo = {
  title: z.string().min(1),
  slug: z.string().min(1),
  minutes: z.number().int().nullable(),
  notes: z.string(),
  file: z.string(),
};
const exercise = z.strictObject({
  case: z.number().int(),
  task: z.string().min(1),
  questions: z.array(z.string()),
  minutes: z.number().int(),
  card: z.string().nullable(),
});
const step = z.strictObject({ minutes: z.number().int(), text: z.string() });
const timing = z.strictObject({
  full: z.array(step),
  short: z
    .strictObject({
      minutes: z.number().int(),
      steps: z.array(step),
      skip: z.array(z.string()),
      exerciseMinutes: z.number().int(),
    })
    .nullable(),
});
const section = z.strictObject({
  ...fileInfo,
  kind: z.enum(['title', 'section', 'overview']),
  joinPanel: z.boolean(),
  body: z.string(),
  prompts: z.array(z.string()),
  polls: z.array(poll),
});

const plan = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string(),
  start: z.string().regex(/^\d{2}:\d{2}$/),
  goals: z.array(z.string()),
  slides: z.array(section),
  parts: z.array(
    z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('block'),
        number: z.number().int(),
        minutes: z.number().int(),
        short: z.boolean(),
      }),
      z.strictObject({ kind: z.literal('theme'), id: z.string(), minutes: z.number().int() }),
      z.strictObject({ kind: z.literal('case'), number: z.number().int(), minutes: z.number().int() }),
      z.strictObject({ kind: z.literal('slide'), slug: z.string(), minutes: z.number().int() }),
      z.strictObject({ kind: z.literal('break'), title: z.string(), minutes: z.number().int() }),
    ]),
  ),
});

export const deckSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string(),
  language: z.literal('nl'),
  source: z.strictObject({
    title: z.string().min(1),
    publisher: z.string().min(1),
    year: z.number().int(),
    url: z.url(),
    authors: z.string().optional(),
    programme: z.string().optional(),
  }),
  themes: z.array(z.strictObject({ id: z.string(), title: z.string(), blocks: z.array(z.number().int()) })),
  blocks: z.array(
    z.strictObject({
      ...fileInfo,
      number: z.number().int(),
      theme: z.string(),
      summary: z.string().min(1),
      quotes: z.array(quote),
      prompts: z.array(z.string()),
      polls: z.array(poll),
      exercise: exercise.nullable(),
      timing: timing.nullable(),
    }),
  ),
  cases: z.array(
    z.strictObject({
      ...fileInfo,
      number: z.number().int(),
      person: z.string().min(1),
      story: z.string().min(1),
      blocks: z.array(z.number().int()),
      after: z.number().int(),
      quotes: z.array(quote),
      questions: z.array(z.string()),
      debrief: z.string(),
      polls: z.array(poll),
      exerciseMinutes: z.number().int(),
    }),
  ),
  interventions: z.array(
    z.strictObject({ name: z.string().min(1), organisation: z.string().min(1), description: z.string().min(1) }),
  ),
  opening: z.array(section),
  closing: z.array(section),
  plans: z.array(plan),
});

const schemaMatchesType: Equal<z.infer<typeof deckSchema>, Deck> = true;
void schemaMatchesType;
