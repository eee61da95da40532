import type { Deck } from '../../shared/deck.ts';
import { renderBlock } from './renderBlock.ts';
import { renderCase } from './renderCase.ts';
import { renderSection } from './renderSection.ts';

/** The whole deck as reveal.js sections: opening, blocks with each case after its block, closing. */
export function renderDeck(deck: Deck): string {
  const parts: string[] = deck.opening.map((section) => renderSection(section, deck));
  for (const block of deck.blocks) {
    parts.push(renderBlock(block, deck));
    for (const story of deck.cases.filter((c) => c.after === block.number)) parts.push(renderCase(story, deck));
  }
  parts.push(...deck.closing.map((section) => renderSection(section, deck)));
  return parts.join('\n');
}
