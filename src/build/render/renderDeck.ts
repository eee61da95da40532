import type { Deck } from '../../shared/deck.ts';
import { renderBlock } from './renderBlock.ts';
import { renderCase } from './renderCase.ts';
import { renderSection } from './renderSection.ts';
import type { ShareInfo } from './share.ts';

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
  return parts.join('\n');
}
