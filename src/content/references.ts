import { z } from 'zod';

// A trainer refers to a block or a case by its slug (`after: taal`, `case: casus-nahom`), so renumbering
// the blocks does not silently point a case at another block. Numbers stay for display and order, and an
// old file that still refers by number builds, with a deprecation warning that says what to write.

/** What a trainer writes: a slug, or (deprecated) a number. */
export type Reference = string | number;

export const referenceSchema = z.union([z.string().trim().min(1), z.number().int().min(1)], {
  error: 'moet de slug zijn van een bouwsteen of casus, bijvoorbeeld maatwerk of casus-nahom',
});

/** A block or a case, as far as a reference needs it. */
export interface Target {
  number: number;
  slug: string;
}

export type Resolution<T extends Target> = { target: T; byNumber: boolean } | { error: string };

/** Finds what `reference` points at among `targets`; `noun` is `bouwsteen` or `casus`. */
export function resolveReference<T extends Target>(
  reference: Reference,
  targets: readonly T[],
  noun: string,
): Resolution<T> {
  if (typeof reference === 'number') {
    const target = targets.find((t) => t.number === reference);
    return target ? { target, byNumber: true } : { error: `${noun} ${reference} bestaat niet` };
  }
  const target = targets.find((t) => t.slug === reference);
  if (target) return { target, byNumber: false };
  return { error: `er is geen ${noun} met slug "${reference}"; kies uit ${targets.map((t) => t.slug).join(', ')}` };
}

/** The warning for a field that still refers by number, with the line to write instead. */
export function numberReferenceWarning(field: string, written: string, bySlug: string): string {
  return (
    `verouderd: "${field}: ${written}" verwijst met een nummer, en een nummer verandert als de bouwstenen ` +
    `een andere volgorde krijgen; schrijf de slug: "${field}: ${bySlug}"`
  );
}
