import type { Deck, Section } from '../../shared/deck.ts';
import { escapeHtml, list, markdown, withMinutes } from './html.ts';
import { renderPoll } from './poll.ts';
import { slide, spreadTiming, stack } from './slide.ts';

function overview(deck: Deck): string {
  const themes = deck.themes.map((theme) => {
    const blocks = theme.blocks
      .map((n) => deck.blocks.find((b) => b.number === n))
      .filter((b) => b !== undefined)
      .map(
        (b) =>
          `<li><span class="number">${b.number}</span><a href="#/${escapeHtml(b.slug)}">${escapeHtml(b.title)}</a></li>`,
      );
    return `<div class="theme"><h3>${escapeHtml(theme.title)}</h3><ul>${blocks.join('')}</ul></div>`;
  });
  return `<div class="themes">${themes.join('')}</div>`;
}

/** An opening or closing slide; its polls follow it as slides of their own. */
export function renderSection(section: Section, deck: Deck): string {
  const heading =
    section.kind === 'title' ? `<h1>${escapeHtml(section.title)}</h1>` : `<h2>${escapeHtml(section.title)}</h2>`;
  const slides = [
    slide(
      { id: section.slug, className: `${section.kind}-slide`, notes: withMinutes(section.notes, section.minutes) },
      heading,
      section.body ? `<div class="body">${markdown(section.body)}</div>` : '',
      section.kind === 'overview' ? overview(deck) : '',
      list(section.prompts, true),
    ),
  ];
  for (const poll of section.polls) {
    slides.push(slide({ id: `${section.slug}-poll-${poll.id}`, className: 'poll-slide' }, renderPoll(poll)));
  }
  return stack(`slide-${section.slug}`, slides, spreadTiming(section.minutes, slides.length));
}
