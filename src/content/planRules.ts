import type { Deck, PlanPart } from '../shared/deck.ts';
import { ContentError } from './errors.ts';
import { GOALS_SLUG } from './planSlides.ts';

// The rules a workshop plan has to keep, so that it runs as written. Pure: they get the plan's parts
// with the line each is on, and return the mistakes (or, for a long stretch without a break, warnings).

export interface PlacedPart {
  part: PlanPart;
  /** 1-based line of the part in the plan file. */
  line: number;
}

/** More minutes than this without a break gets a warning. */
export const MAX_MINUTES_WITHOUT_BREAK = 90;

/**
 * A block's case exercise may only use a case the plan shows before it, unless the exercise carries its
 * own short case card (`card:`) and so stands alone.
 */
export function casesBeforeExercises(file: string, parts: PlacedPart[], deck: Deck): ContentError[] {
  const errors: ContentError[] = [];
  const shown = new Set<number>();
  for (const { part, line } of parts) {
    if (part.kind === 'case') shown.add(part.number);
    if (part.kind !== 'block') continue;
    const exercise = deck.blocks.find((b) => b.number === part.number)?.exercise;
    if (!exercise || exercise.card || shown.has(exercise.case)) continue;
    const story = deck.cases.find((c) => c.number === exercise.case);
    const later = parts.some(({ part: p }) => p.kind === 'case' && p.number === exercise.case);
    errors.push(
      new ContentError(
        file,
        line,
        `de oefening van bouwsteen ${part.number} gaat over casus ${exercise.case} (${story?.person ?? ''}), maar die ` +
          `casus staat ${later ? 'pas later' : 'niet'} in dit plan; zet "- case: ${story?.slug ?? exercise.case}" ervoor, ` +
          `of geef de oefening een korte casuskaart ("card:" in ::: exercise)`,
      ),
    );
  }
  return errors;
}

/** A case or a slide needs at least its own minutes; blocks are checked when their version is picked. */
export function partsFitTheirTime(file: string, parts: PlacedPart[], deck: Deck): ContentError[] {
  const errors: ContentError[] = [];
  const slides = [...deck.opening, ...deck.closing];
  for (const { part, line } of parts) {
    let needed: number | null = null;
    let name = '';
    if (part.kind === 'case') {
      const story = deck.cases.find((c) => c.number === part.number);
      needed = story?.minutes ?? story?.exerciseMinutes ?? null;
      name = `casus ${part.number}`;
    } else if (part.kind === 'slide') {
      needed = slides.find((s) => s.slug === part.slug)?.minutes ?? null;
      name = `de slide "${part.slug}"`;
    }
    if (needed !== null && part.minutes < needed) {
      errors.push(
        new ContentError(file, line, `${name} heeft ${needed} minuten nodig; het plan geeft ${part.minutes}`),
      );
    }
  }
  return errors;
}

/** When the plan gives an end time, its parts fill the time from start to end exactly. */
export function agendaAddsUp(
  file: string,
  parts: PlacedPart[],
  start: number,
  end: { minutes: number; line: number; text: string } | null,
): ContentError[] {
  if (!end) return [];
  const total = parts.reduce((sum, { part }) => sum + part.minutes, 0);
  const planned = end.minutes - start;
  if (total === planned) return [];
  return [
    new ContentError(
      file,
      end.line,
      `de onderdelen duren samen ${total} minuten, maar van begin tot "end: ${end.text}" is ${planned} minuten`,
    ),
  ];
}

/** A warning for every stretch of more than 90 minutes without a break, at the part that crosses it. */
export function longStretches(file: string, parts: PlacedPart[]): ContentError[] {
  const warnings: ContentError[] = [];
  let since = 0;
  let warned = false;
  for (const { part, line } of parts) {
    if (part.kind === 'break') {
      since = 0;
      warned = false;
      continue;
    }
    since += part.minutes;
    if (since > MAX_MINUTES_WITHOUT_BREAK && !warned) {
      warned = true;
      warnings.push(
        new ContentError(
          file,
          line,
          `hier is het al ${since} minuten zonder pauze (meer dan ${MAX_MINUTES_WITHOUT_BREAK}); plan een pauze ervoor`,
        ),
      );
    }
  }
  return warnings;
}

/** A plan with learning goals shows them on the goals slide, and a plan that shows that slide has goals. */
export function goalsOnTheirSlide(
  file: string,
  hasGoals: boolean,
  line: number,
  parts: PlacedPart[],
  deckHasGoalsSlide: boolean,
): ContentError[] {
  const shows = parts.some(({ part }) => part.kind === 'slide' && part.slug === GOALS_SLUG);
  if (hasGoals && !shows && deckHasGoalsSlide) {
    return [new ContentError(file, line, `de leerdoelen staan op geen slide: zet "- slide: ${GOALS_SLUG}" in parts`)];
  }
  if (!hasGoals && shows) {
    return [new ContentError(file, line, `het plan toont de slide "${GOALS_SLUG}", maar heeft geen "goals:"`)];
  }
  return [];
}
