import { z } from 'zod';
import type { Deck, Plan, PlanPart } from '../shared/deck.ts';
import { ContentError, ErrorSink } from './errors.ts';
import type { SourceFile } from './loadDeck.ts';
import {
  agendaAddsUp,
  casesBeforeExercises,
  goalsOnTheirSlide,
  longStretches,
  partsFitTheirTime,
  type PlacedPart,
} from './planRules.ts';
import { GOALS_SLUG, planSlides } from './planSlides.ts';
import {
  numberReferenceWarning,
  referenceSchema,
  resolveReference,
  type Reference,
  type Target,
} from './references.ts';
import { readYaml } from './yamlData.ts';

const minutes = z.number().int().min(1).max(480);
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'moet een tijd zijn als "09:30"');

const partSchema = z.union([
  z.strictObject({ block: referenceSchema, minutes: minutes.optional() }),
  z.strictObject({ case: referenceSchema, minutes: minutes.optional() }),
  z.strictObject({ slide: z.string().min(1), minutes: minutes.optional() }),
  z.strictObject({ theme: z.string().min(1), minutes: minutes.optional() }),
  z.strictObject({ break: minutes, title: z.string().min(1).optional() }),
]);

const planSchema = z.strictObject({
  title: z.string().trim().min(1),
  description: z.string().trim().default(''),
  start: time.default('09:00'),
  /** When given, the parts must fill the time from start to end exactly. */
  end: time.optional(),
  goals: z.array(z.string().trim().min(1)).default([]),
  parts: z.array(partSchema).min(1),
});

/** Minutes a theme slide gets when the plan gives none. */
const THEME_MINUTES = 2;

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

const lineOf = (text: string, pattern: RegExp): number => {
  const at = text.split(/\r?\n/).findIndex((line) => pattern.test(line));
  return at < 0 ? 1 : at + 1;
};

const clock = (value: string): number => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/**
 * Reads the workshop plans in plans/ and checks every part against the deck, and the plan as a whole
 * against the rules in planRules.ts. Returns the plans, the mistakes found (a plan with mistakes does
 * not build) and warnings (the build shows them, and goes on).
 */
export function loadPlans(
  files: SourceFile[],
  deck: Deck,
): { plans: Plan[]; errors: ContentError[]; warnings: ContentError[] } {
  const plans: Plan[] = [];
  const errors: ContentError[] = [];
  const warnings: ContentError[] = [];
  const slides = new Map([...deck.opening, ...deck.closing].map((s) => [s.slug, s]));
  const deckPolls = new Set([...deck.opening, ...deck.blocks, ...deck.cases, ...deck.closing].flatMap((s) => s.polls));
  const pollIds = new Set([...deckPolls].map((poll) => poll.id));
  for (const { file, text } of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const sink = new ErrorSink(file);
    const raw = readYaml(text, planSchema, sink, 1, 1);
    errors.push(...sink.errors);
    if (!raw) continue;
    const placed: PlacedPart[] = [];
    const before = errors.length;
    raw.parts.forEach((part, k) => {
      const line = partLine(text, k);
      const fail = (reason: string) => errors.push(new ContentError(file, line, reason));
      const add = (resolved: PlanPart) => placed.push({ part: resolved, line });
      // A block or case by slug; by number still works, with a warning that says what to write.
      const find = <T extends Target>(field: string, reference: Reference, targets: T[], noun: string): T | null => {
        const found = resolveReference(reference, targets, noun);
        if ('error' in found) {
          fail(found.error);
          return null;
        }
        if (found.byNumber) {
          const warning = numberReferenceWarning(field, String(reference), found.target.slug);
          warnings.push(new ContentError(file, line, warning));
        }
        return found.target;
      };
      if ('block' in part) {
        const block = find('block', part.block, deck.blocks, 'bouwsteen');
        if (!block) return;
        const full = block.minutes ?? 15;
        const short = block.timing?.short?.minutes ?? null;
        const given = part.minutes ?? full;
        if (given !== full && given !== short) {
          return fail(
            short === null
              ? `bouwsteen ${block.number} duurt ${full} minuten en heeft geen korte versie; geef hem ${full} minuten`
              : `bouwsteen ${block.number} duurt ${full} minuten, of ${short} in de korte versie; ${given} past bij geen van beide`,
          );
        }
        add({ kind: 'block', number: block.number, minutes: given, short: given !== full });
      } else if ('case' in part) {
        const story = find('case', part.case, deck.cases, 'casus');
        if (!story) return;
        add({ kind: 'case', number: story.number, minutes: part.minutes ?? story.minutes ?? 20 });
      } else if ('slide' in part) {
        const slide = slides.get(part.slide);
        if (!slide) {
          return fail(`de slide "${part.slide}" bestaat niet; kies uit ${[...slides.keys()].join(', ')}`);
        }
        add({ kind: 'slide', slug: slide.slug, minutes: part.minutes ?? slide.minutes ?? 5 });
      } else if ('theme' in part) {
        const theme = deck.themes.find((t) => t.id === part.theme);
        if (!theme)
          return fail(`thema "${part.theme}" bestaat niet; kies uit ${deck.themes.map((t) => t.id).join(', ')}`);
        add({ kind: 'theme', id: theme.id, minutes: part.minutes ?? THEME_MINUTES });
      } else {
        add({ kind: 'break', title: part.title ?? 'Pauze', minutes: part.break });
      }
    });
    const parts = placed.map(({ part }) => part);
    const goalsLine = lineOf(text, raw.goals.length > 0 ? /^goals:/ : /^parts:/);
    errors.push(...goalsOnTheirSlide(file, raw.goals.length > 0, goalsLine, placed, slides.has(GOALS_SLUG)));
    errors.push(...casesBeforeExercises(file, placed, deck), ...partsFitTheirTime(file, placed, deck));
    const end = raw.end ? { minutes: clock(raw.end), line: lineOf(text, /^end:/), text: raw.end } : null;
    errors.push(...agendaAddsUp(file, placed, clock(raw.start), end));
    warnings.push(...longStretches(file, placed));
    if (errors.length > before) continue;

    const id =
      file
        .split('/')
        .at(-1)
        ?.replace(/\.ya?ml$/, '') ?? file;
    const own = planSlides({ id, goals: raw.goals, parts }, deck);
    // A poll made for the plan needs an id of its own; the deck's polls on the plan's slides keep theirs.
    const clash = own.flatMap((slide) => slide.polls).find((poll) => !deckPolls.has(poll) && pollIds.has(poll.id));
    if (clash) {
      errors.push(new ContentError(file, 1, `de poll-id "${clash.id}" van dit plan wordt al gebruikt in de slides`));
      continue;
    }
    plans.push({
      id,
      title: raw.title,
      description: raw.description,
      start: raw.start,
      goals: raw.goals,
      parts,
      slides: own,
    });
  }
  return { plans, errors, warnings };
}
