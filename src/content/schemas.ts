import { z } from 'zod';
import { POLL_TYPES } from '../shared/deck.ts';
import { referenceSchema } from './references.ts';

// Schemas for what trainers write: the front matter of a slide file, `::: poll` and `::: exercise`
// parts, and slides/deck.yaml. Strict, so a misspelt field name is reported instead of ignored.

const text = z.string().trim().min(1);
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'mag alleen kleine letters, cijfers en streepjes (-) bevatten');
const minutes = z.number().int().min(1).max(480);

export const SLIDE_TYPES = ['title', 'section', 'overview', 'block', 'case'] as const;

export const slideTypeSchema = z.object({
  type: z.enum(SLIDE_TYPES, {
    error: (issue) =>
      issue.input === undefined
        ? '"type" ontbreekt'
        : `een slide van type "${String(issue.input)}" bestaat niet; kies uit ${SLIDE_TYPES.join(', ')}`,
  }),
});

const common = { title: text, slug: slug.optional(), minutes: minutes.optional() };

export const sectionFrontMatter = z.strictObject({
  type: z.enum(['title', 'section', 'overview']),
  /** The live deck shows the join code big on this slide, for the start of a session. */
  join_panel: z.boolean().default(false),
  ...common,
});

export const blockFrontMatter = z.strictObject({
  type: z.literal('block'),
  number: z.number().int().min(1),
  theme: text,
  ...common,
});

export const caseFrontMatter = z.strictObject({
  type: z.literal('case'),
  number: z.number().int().min(1),
  person: text,
  /** Slugs of the blocks the case belongs to (numbers: deprecated). */
  blocks: z.array(referenceSchema).min(1),
  /** Slug of the block the case follows (a number: deprecated). */
  after: referenceSchema,
  /** Minutes of group work on the exercise slide: the countdown starts from these. */
  exercise_minutes: minutes.max(120).default(10),
  ...common,
});

export const pollTypeSchema = z.object({
  type: z.enum(POLL_TYPES, {
    error: (issue) =>
      issue.input === undefined
        ? '"type" ontbreekt: kies uit ' + POLL_TYPES.join(', ')
        : `een poll van type "${String(issue.input)}" bestaat niet; kies uit ${POLL_TYPES.join(', ')}`,
  }),
});

const pollCommon = {
  id: slug,
  question: text,
  hidden: z.boolean().default(false),
};
const options = z.array(text).min(2).max(12);

export const pollSchemas = {
  single: z.strictObject({ type: z.literal('single'), ...pollCommon, options }),
  multiple: z
    .strictObject({ type: z.literal('multiple'), ...pollCommon, options, max: z.number().int().min(1) })
    .refine((poll) => poll.max <= poll.options.length, {
      message: '"max" mag niet groter zijn dan het aantal keuzes',
      path: ['max'],
    }),
  scale: z
    .strictObject({
      type: z.literal('scale'),
      ...pollCommon,
      min: z.number().int(),
      max: z.number().int(),
      labels: z.tuple([text, text]),
    })
    .refine((poll) => poll.max > poll.min && poll.max - poll.min <= 10, {
      message: '"max" moet groter zijn dan "min", met hoogstens 10 stappen ertussen',
      path: ['max'],
    }),
  // Words show at once unless `moderation: approve`, like an open question's answers.
  wordcloud: z.strictObject({
    type: z.literal('wordcloud'),
    ...pollCommon,
    moderation: z.enum(['approve', 'auto']).optional(),
  }),
  open: z.strictObject({
    type: z.literal('open'),
    ...pollCommon,
    moderation: z.enum(['approve', 'auto']).default('approve'),
  }),
  ranking: z.strictObject({ type: z.literal('ranking'), ...pollCommon, options: options.min(3).max(8) }),
  // Answers stay off the screen until the presenter shows the wall, after the countdown.
  group: z.strictObject({ type: z.literal('group'), ...pollCommon, hidden: z.boolean().default(true) }),
} as const;

export const exerciseSchema = z.strictObject({
  /** Slug of the case (a number: deprecated). */
  case: referenceSchema,
  task: text,
  questions: z.array(text).min(1).max(4),
  minutes,
  /** A short card on the exercise slide: the case in a few lines, or something to read. */
  card: text.optional(),
});

export const deckFileSchema = z.strictObject({
  title: text,
  subtitle: text,
  language: z.literal('nl'),
  source: z.strictObject({
    title: text,
    publisher: text,
    year: z.number().int(),
    url: z.url(),
    authors: text.optional(),
    programme: text.optional(),
  }),
  themes: z.array(z.strictObject({ id: slug, title: text })).min(1),
  interventions: z.array(z.strictObject({ name: text, organisation: text, description: text })),
});
