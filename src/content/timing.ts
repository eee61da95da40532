import { z } from 'zod';
import type { BlockTiming, Exercise, Poll, TimingStep } from '../shared/deck.ts';
import type { ErrorSink } from './errors.ts';
import type { Part } from './parts.ts';
import { readYaml } from './yamlData.ts';

// A block's `::: timing` part: what the block needs in full and in its short version, step by step.
//
//   ::: timing
//   full:
//     - 5 minuten samenvatting en schaalpoll
//     - 15 minuten oefening met de casus
//   short:
//     - 3 minuten samenvatting en schaalpoll
//     - 9 minuten oefening met de casus
//   skip: [maatwerk-woord]
//   exercise: 8
//   :::

/** The discussion slide of a block, which a short version may leave out like a poll. */
export const DISCUSSION = 'bespreken';

const STEP = /^(\d+)\s+(?:minuten|minuut|min\.?)\s*:?\s+(.+)$/i;

const step = z.string().trim().regex(STEP, 'een stap begint met de minuten, bijvoorbeeld "5 minuten samenvatting"');
const timingSchema = z.strictObject({
  full: z.array(step).min(1),
  short: z.array(step).min(1).optional(),
  skip: z.array(z.string().trim().min(1)).default([]),
  exercise: z.number().int().min(1).optional(),
});

const steps = (items: string[]): TimingStep[] =>
  items.map((item) => {
    const [, minutes = '0', text = ''] = STEP.exec(item.trim()) ?? [];
    return { minutes: Number(minutes), text: text.trim() };
  });

export const total = (items: TimingStep[]): number => items.reduce((sum, item) => sum + item.minutes, 0);

/** What the rest of the block says, to check the timing against. */
interface BlockFacts {
  minutes: number | undefined;
  polls: Poll[];
  exercise: Pick<Exercise, 'minutes'> | null;
}

/**
 * Reads and checks a block's `::: timing`: the full steps add up to the block's minutes, the short
 * version is shorter, leaves out only polls the block has (or `bespreken`), and has time for its exercise.
 */
export function readTiming(part: Part, block: BlockFacts, sink: ErrorSink): BlockTiming | null {
  const raw = readYaml(part.content, timingSchema, sink, part.contentLine, part.line);
  if (!raw) return null;
  const full = steps(raw.full);
  const fullMinutes = total(full);
  const errors = sink.errors.length;
  if (block.minutes !== undefined && fullMinutes !== block.minutes) {
    sink.add(
      part.line,
      `de stappen van "full" zijn samen ${fullMinutes} minuten, maar de bouwsteen heeft "minutes: ${block.minutes}"`,
    );
  }
  if (block.exercise && block.exercise.minutes > fullMinutes) {
    sink.add(part.line, `de oefening duurt ${block.exercise.minutes} minuten, langer dan de hele bouwsteen`);
  }
  if (!raw.short) {
    if (raw.skip.length > 0 || raw.exercise)
      sink.add(part.line, '"skip" en "exercise" horen bij "short"; die ontbreekt');
    return sink.errors.length > errors ? null : { full, short: null };
  }
  const short = steps(raw.short);
  const shortMinutes = total(short);
  if (shortMinutes >= fullMinutes) {
    sink.add(part.line, `de korte versie (${shortMinutes} minuten) moet korter zijn dan de volledige (${fullMinutes})`);
  }
  const known = [...block.polls.map((poll) => poll.id), DISCUSSION];
  for (const id of raw.skip) {
    if (!known.includes(id))
      sink.add(part.line, `"skip": "${id}" is geen poll van deze bouwsteen; kies uit ${known.join(', ')}`);
  }
  const exerciseMinutes = raw.exercise ?? block.exercise?.minutes ?? 0;
  if (block.exercise && exerciseMinutes > shortMinutes) {
    sink.add(
      part.line,
      `de oefening in de korte versie (${exerciseMinutes} minuten) past niet in ${shortMinutes} minuten`,
    );
  }
  if (sink.errors.length > errors) return null;
  return { full, short: { minutes: shortMinutes, steps: short, skip: raw.skip, exerciseMinutes } };
}

/** The timing as lines for the speaker notes. */
export function timingNotes(timing: BlockTiming): string {
  const line = (items: TimingStep[]) => items.map((item) => `${item.minutes} min. ${item.text}`).join('; ');
  const full = `Volledig (${total(timing.full)} minuten): ${line(timing.full)}.`;
  return timing.short ? `${full}\n\nKort (${timing.short.minutes} minuten): ${line(timing.short.steps)}.` : full;
}
