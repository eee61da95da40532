import { z } from 'zod';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  LIMITS,
  MAX_SLIDE_INDEX,
  MAX_TIMER_SECONDS,
  type ClientMessage,
  type VoteValue,
} from '../shared/protocol.ts';
import type { Equal } from './sameType.ts';

// The protocol's client messages as zod schemas, beside the server that validates every message with
// them (parseMessage.ts). The contract itself is src/shared/protocol.ts, without zod; the type checks at
// the bottom keep the two equal, and tests/server/protocolSchemas.test.ts checks the same at run time.

const joinCode = z
  .string()
  .length(JOIN_CODE_LENGTH)
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]+$`));
/**
 * A participant's identity as the server issued it for one room: `<random id>.<tag>`, the tag signed by
 * the server, so a client cannot make one up and one room's identity is worth nothing in another.
 */
const participantIdentity = z.string().regex(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
const presenterKey = z.string().regex(/^[A-Za-z0-9_-]{22,128}$/);
/** A slug: a poll's id, a plan's id, a part's name (`block-3-kort`). */
const pollId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(80);
const ref = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).optional();

const slideIndex = z.number().int().min(0).max(MAX_SLIDE_INDEX);
export const viewSchema = z.strictObject({
  slide: z.strictObject({ h: slideIndex, v: slideIndex }),
  black: z.boolean(),
  at: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const voteValueSchema = z.union([
  z.number().int().min(-1000).max(1000),
  z.array(z.number().int().min(0).max(99)).min(1).max(12),
  z.string().max(LIMITS.openChars),
  z.strictObject({ group: z.string().max(LIMITS.groupChars), text: z.string().max(LIMITS.openChars) }),
]);

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('create-room'), ref, password: z.string().max(200).optional() }),
  z.strictObject({ type: z.literal('join'), ref, room: joinCode, identity: participantIdentity.optional() }),
  z.strictObject({ type: z.literal('present'), ref, room: joinCode, key: presenterKey }),
  z.strictObject({ type: z.literal('new-remote-link'), ref }),
  z.strictObject({ type: z.literal('vote'), ref, poll: pollId, value: voteValueSchema }),
  z.strictObject({ type: z.literal('show'), ref, poll: pollId.nullable() }),
  z.strictObject({ type: z.literal('open'), ref, poll: pollId }),
  z.strictObject({ type: z.literal('close'), ref, poll: pollId }),
  z.strictObject({ type: z.literal('reveal'), ref, poll: pollId, revealed: z.boolean() }),
  z.strictObject({ type: z.literal('reset'), ref, poll: pollId }),
  z.strictObject({
    type: z.literal('timer'),
    ref,
    timer: z
      .strictObject({
        exercise: pollId,
        seconds: z.number().int().min(1).max(MAX_TIMER_SECONDS),
        remainingMs: z
          .number()
          .int()
          .min(0)
          .max(MAX_TIMER_SECONDS * 1000),
        running: z.boolean(),
      })
      .refine((timer) => timer.remainingMs <= timer.seconds * 1000)
      .nullable(),
  }),
  z.strictObject({
    type: z.literal('approve'),
    ref,
    poll: pollId,
    answer: z.number().int().positive(),
    approved: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('pending'),
    ref,
    poll: pollId,
    before: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  }),
  z.strictObject({ type: z.literal('remove-word'), ref, poll: pollId, word: z.string().max(LIMITS.wordChars) }),
  z.strictObject({ type: z.literal('view'), ref, view: viewSchema }),
  z.strictObject({ type: z.literal('plan-part'), ref, plan: pollId, part: pollId }),
]);

const voteValueMatchesType: Equal<z.infer<typeof voteValueSchema>, VoteValue> = true;
const clientMessageMatchesType: Equal<z.infer<typeof clientMessageSchema>, ClientMessage> = true;
void voteValueMatchesType;
void clientMessageMatchesType;
