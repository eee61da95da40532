import type { Deck } from '../../shared/deck.ts';
import { planSlidePart } from '../../shared/agendaPlan.ts';
import { renderBlock } from './renderBlock.ts';
import { renderCase } from './renderCase.ts';
import { renderSection } from './renderSection.ts';
import type { ShareInfo } from './share.ts';
import { renderTheme } from './renderTheme.ts';

/** The id of the template that holds the parts only a plan shows. */
export const PLAN_PARTS_ID = 'deck-plan-parts';

/**
 * The parts only a plan shows, in a template the deck picks them from (src/deck/plan/applyPlan.ts):
 * the short versions of blocks, the theme slides and each plan's own slides (learning goals, reflection).
 */
function planParts(deck: Deck, share: ShareInfo | null): string {
  const parts = deck.plans.flatMap((plan) => plan.parts);
  const shortBlocks = new Set(parts.flatMap((part) => (part.kind === 'block' && part.short ? [part.number] : [])));
  const themes = new Set(parts.flatMap((part) => (part.kind === 'theme' ? [part.id] : [])));
  const html = [
    ...deck.blocks.filter((b) => shortBlocks.has(b.number)).map((b) => renderBlock(b, deck, { short: true })),
    ...deck.themes.filter((t) => themes.has(t.id)).map((t) => renderTheme(t, deck)),
    ...deck.plans.flatMap((plan) =>
      plan.slides.map((section) => renderSection(section, deck, share, planSlidePart(plan.id, section.slug))),
    ),
  ];
  return html.length > 0 ? `<template id="${PLAN_PARTS_ID}">${html.join('\n')}</template>` : '';
}

/**
 * The whole deck as reveal.js sections: opening, blocks with each case after its block, closing.
 * `share`: the deck's public address (DECK_URL) for the share slide, when the build knows it.
 */
export function renderDeck(deck: Deck, share: ShareInfo | null = null): string {
  const parts: string[] = deck.opening.map((section) => renderSection(section, deck, share));
  for (const block of deck.blocks) {
    parts.push(renderBlock(block, deck));
    for (const story of deck.cases.filter((c) => c.after === block.number)) parts.push(renderCase(story, deck));
  }
  parts.push(...deck.closing.map((section) => renderSection(section, deck, share)));
  parts.push(planParts(deck, share));
  return parts.join('\n');
}
