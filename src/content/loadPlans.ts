import { z } from 'zod';
import type { Deck, Plan, PlanPart } from '../shared/deck.ts';
import { ContentError, ErrorSink } from './errors.ts';
import type { SourceFile } from './loadDeck.ts';
import { readYaml } from './yamlData.ts';

const minutes = z.number().int().min(1).max(480);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'moet een tijd zijn als "09:30"');

const partSchema = z.union([
  z.strictObject({ block: z.number().int().min(1), minutes: minutes.optional() }),
  z.strictObject({ case: z.number().int().min(1), minutes: minutes.optional() }),
  z.strictObject({ slide: z.string().min(1), minutes: minutes.optional() }),
  z.strictObject({ break: minutes, title: z.string().min(1).optional() }),
]);

const planSchema = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().trim().default(''),
  start: time.default('09:00'),
  parts: z.array(partSchema).min(1),
});

/** 1-based line of the `index`th item of the `parts:` list. */
function partLine(text: string, index: number): number {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((line) => /^parts:/.test(line));
  let seen = -1;
  for (let k = start + 1; k < lines.length; k++) {
    if (/^\s*- /.test(lines[k] ?? '') && ++seen === index) return k + 1;
  }
  return start + 1;
}

/**
 * Reads the workshop plans in plans/ and checks every part against the deck. Returns the plans and
 * the mistakes found; a plan that names a block, case or slide the deck does not have is a mistake.
 */
export function loadPlans(files: SourceFile[], deck: Deck): { plans: Plan[]; errors: ContentError[] } {
  const plans: Plan[] = [];
  const errors: ContentError[] = [];
  const slides = new Map([...deck.opening, ...deck.closing].map((s) => [s.slug, s]));
  for (const { file, text } of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const sink = new ErrorSink(file);
    const raw = readYaml(text, planSchema, sink, 1, 1);
    errors.push(...sink.errors);
    if (!raw) continue;
    const parts: PlanPart[] = [];
    raw.parts.forEach((part, k) => {
      const fail = (reason: string) => errors.push(new ContentError(file, partLine(text, k), reason));
      if ('block' in part) {
        const block = deck.blocks.find((b) => b.number === part.block);
        if (!block) return fail(`bouwsteen ${part.block} bestaat niet`);
        parts.push({ kind: 'block', number: block.number, minutes: part.minutes ?? block.minutes ?? 15 });
      } else if ('case' in part) {
        const story = deck.cases.find((c) => c.number === part.case);
        if (!story) return fail(`casus ${part.case} bestaat niet`);
        parts.push({ kind: 'case', number: story.number, minutes: part.minutes ?? story.minutes ?? 20 });
      } else if ('slide' in part) {
        const slide = slides.get(part.slide);
        if (!slide) {
          return fail(`de slide "${part.slide}" bestaat niet; kies uit ${[...slides.keys()].join(', ')}`);
        }
        parts.push({ kind: 'slide', slug: slide.slug, minutes: part.minutes ?? slide.minutes ?? 5 });
      } else {
        parts.push({ kind: 'break', title: part.title ?? 'Pauze', minutes: part.break });
      }
    });
    const id =
      file
        .split('/')
        .at(-1)
        ?.replace(/\.ya?ml$/, '') ?? file;
    plans.push({ id, title: raw.title, description: raw.description, start: raw.start, parts });
  }
  return { plans, errors };
}
