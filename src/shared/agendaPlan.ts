// A plan as the deck shows it: each part named as the built deck names its sections (`data-part`), and
// labelled for the agenda. The build, the deck and the poll server (the agenda as run) read it alike.

import type { AgendaPlan, Deck, Plan, PlanPart } from './deck.ts';

function label(part: PlanPart, deck: Deck): string {
  switch (part.kind) {
    case 'block': {
      const block = deck.blocks.find((b) => b.number === part.number);
      return `Bouwsteen ${part.number}: ${block?.title ?? ''}${part.short ? ' (kort)' : ''}`;
    }
    case 'case': {
      const story = deck.cases.find((c) => c.number === part.number);
      return `Casus ${part.number}: ${story?.person ?? ''}`;
    }
    case 'slide':
      return [...deck.opening, ...deck.closing].find((s) => s.slug === part.slug)?.title ?? part.slug;
    case 'theme':
      return `Thema: ${deck.themes.find((t) => t.id === part.id)?.title ?? part.id}`;
    case 'break':
      return part.title;
  }
}

/** The `data-part` of a block's short version. */
export const shortPart = (number: number): string => `block-${number}-kort`;
/** The `data-part` of a theme's opening slide. */
export const themePart = (id: string): string => `theme-${id}`;
/** The `data-part` of a slide a plan has a version of its own of. */
export const planSlidePart = (planId: string, slug: string): string => `plan-${planId}-${slug}`;

/** The name of the part in the built deck: `block-3`, `block-3-kort`, `case-1`, `slide-welkom`, …. */
export function partName(part: PlanPart, plan: Pick<Plan, 'id' | 'slides'>): string {
  switch (part.kind) {
    case 'block':
      return part.short ? shortPart(part.number) : `block-${part.number}`;
    case 'case':
      return `case-${part.number}`;
    case 'slide':
      return plan.slides.some((s) => s.slug === part.slug) ? planSlidePart(plan.id, part.slug) : `slide-${part.slug}`;
    case 'theme':
      return themePart(part.id);
    case 'break':
      return 'break';
  }
}

/** A plan with each part named as the deck names its sections, and labelled for the agenda. */
export function agendaPlan(plan: Plan, deck: Deck): AgendaPlan {
  return {
    id: plan.id,
    title: plan.title,
    start: plan.start,
    items: plan.parts.map((part) => ({ part: partName(part, plan), label: label(part, deck), minutes: part.minutes })),
  };
}
