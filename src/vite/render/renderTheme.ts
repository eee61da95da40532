import type { Deck, Theme } from '../../shared/deck.ts';
import { themePart } from '../../shared/agendaPlan.ts';
import { escapeHtml, minutesLabel, notes } from './html.ts';
import { stack } from './slide.ts';

/** Minutes a theme slide takes when a plan gives none. */
const THEME_MINUTES = 2;

/** The slide that opens a theme in a plan: the theme, and its building blocks. */
export function renderTheme(theme: Theme, deck: Deck, minutes = THEME_MINUTES): string {
  const index = deck.themes.indexOf(theme) + 1;
  const blocks = theme.blocks
    .map((n) => deck.blocks.find((b) => b.number === n))
    .filter((b) => b !== undefined)
    .map((b) => `<li><span class="number">${b.number}</span>${escapeHtml(b.title)}</li>`)
    .join('');
  const note = notes(
    `**Richttijd: ${minutesLabel(minutes)}**\n\n` +
      `Doel: de groep weet welk thema nu begint en welke bouwstenen erbij horen.\n\n` +
      `Werkwijze: noem het thema en de bouwstenen. Vraag kort wat de groep bij dit thema al doet.`,
  );
  return stack(themePart(theme.id), [
    `<section id="thema-${escapeHtml(theme.id)}" class="theme-slide" data-timing="${minutes * 60}">` +
      `<p class="kicker">Thema ${index} van ${deck.themes.length}</p>` +
      `<h2>${escapeHtml(theme.title)}</h2>` +
      `<p>In dit thema:</p><ul class="theme-blocks">${blocks}</ul>${note}</section>`,
  ]);
}
