import type { Deck, Section } from '../../shared/deck.ts';
import { escapeHtml, list, markdown, withMinutes } from './html.ts';
import { renderPoll } from './poll.ts';
import { hasShareMarker, placeShareSpot, type ShareInfo } from './share.ts';
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

/**
 * An opening or closing slide; its polls follow it as slides of their own. `share` is the deck's
 * public address when the build knows it, for a `[[qr-code]]` in the slide text.
 */
export function renderSection(
  section: Section,
  deck: Deck,
  share: ShareInfo | null = null,
  part = `slide-${section.slug}`,
): string {
  const heading =
    section.kind === 'title' ? `<h1>${escapeHtml(section.title)}</h1>` : `<h2>${escapeHtml(section.title)}</h2>`;
  const body = section.body ? markdown(section.body) : '';
  const sharing = hasShareMarker(body);
  const slides = [
    slide(
      {
        id: section.slug,
        className: `${section.kind}-slide${sharing ? ' share-slide' : ''}`,
        data: section.joinPanel ? { 'join-panel': '' } : {},
        notes: withMinutes(section.notes, section.minutes),
      },
      heading,
      body ? `<div class="body">${sharing ? placeShareSpot(body, share) : body}</div>` : '',
      section.kind === 'overview' ? overview(deck) : '',
      list(section.prompts, true),
    ),
  ];
  for (const poll of section.polls) {
    slides.push(slide({ id: `${section.slug}-poll-${poll.id}`, className: 'poll-slide' }, renderPoll(poll)));
  }
  return stack(part, slides, spreadTiming(section.minutes, slides.length));
}
