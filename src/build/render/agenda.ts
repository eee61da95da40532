import type { AgendaPlan, Deck, Plan, PlanPart } from '../../shared/deck.ts';

function label(part: PlanPart, deck: Deck): string {
  switch (part.kind) {
    case 'block': {
      const block = deck.blocks.find((b) => b.number === part.number);
      return `Bouwsteen ${part.number}: ${block?.title ?? ''}`;
    }
    case 'case': {
      const story = deck.cases.find((c) => c.number === part.number);
      return `Casus ${part.number}: ${story?.person ?? ''}`;
    }
    case 'slide':
      return [...deck.opening, ...deck.closing].find((s) => s.slug === part.slug)?.title ?? part.slug;
    case 'break':
      return part.title;
  }
}

function partName(part: PlanPart): string {
  if (part.kind === 'block') return `block-${part.number}`;
  if (part.kind === 'case') return `case-${part.number}`;
  if (part.kind === 'slide') return `slide-${part.slug}`;
  return 'break';
}

/** A plan with each part named as the deck names its sections, and labelled for the agenda. */
export function agendaPlan(plan: Plan, deck: Deck): AgendaPlan {
  return {
    id: plan.id,
    title: plan.title,
    start: plan.start,
    items: plan.parts.map((part) => ({ part: partName(part), label: label(part, deck), minutes: part.minutes })),
  };
}
