import type { RevealApi } from 'reveal.js';
import { h } from '../client/dom.ts';
import type { AgendaPlan } from '../shared/deck.ts';
import { removeControls } from '../deck/audienceView.ts';

// The console's panels about the slides: the next slide (a still copy), the notes of the slide on
// screen with their structure, moving on and back, and jumping to an agenda part or a slide by title.

type Deck = Pick<RevealApi, 'getSlides' | 'getCurrentSlide' | 'getIndices' | 'slide' | 'prev' | 'next'>;

/** A slide's title: its first heading, or its kicker. */
export function slideTitle(slide: Element): string {
  const heading = slide.querySelector('h1, h2, .kicker');
  return heading?.textContent?.replace(/\s+/g, ' ').trim() || 'Slide zonder titel';
}

/** A still copy of a slide: no ids (they would be there twice), nothing to click, hidden from screen readers. */
function stillCopy(slide: HTMLElement): HTMLElement {
  const copy = slide.cloneNode(true) as HTMLElement;
  copy.querySelector('aside.notes')?.remove();
  removeControls(copy);
  for (const element of [copy, ...copy.querySelectorAll<HTMLElement>('*')]) {
    for (const name of ['id', 'for', 'aria-labelledby', 'aria-describedby', 'aria-live', 'role', 'style', 'hidden'])
      element.removeAttribute(name);
  }
  copy.className = `${copy.className.replace(/\b(past|future|present)\b/g, '')} present`;
  return copy;
}

export function renderNext(target: HTMLElement, deck: Deck): void {
  const slides = deck.getSlides();
  const next = slides[slides.indexOf(deck.getCurrentSlide()) + 1];
  if (!next) {
    target.replaceChildren(h('p', { class: 'hint' }, 'Dit is de laatste slide.'));
    return;
  }
  const frame = h(
    'div',
    { class: 'console-preview reveal', 'aria-hidden': 'true', inert: true },
    h('div', { class: 'slides' }, stillCopy(next)),
  );
  target.replaceChildren(h('p', { class: 'console-next-title' }, slideTitle(next)), frame);
}

/** The notes of the slide on screen, as the build wrote them (Doel, Tijd, Werkwijze, Let op: one line each). */
export function renderNotes(target: HTMLElement, slide: Element | null): void {
  const notes = slide?.querySelector('aside.notes');
  if (!notes) {
    target.replaceChildren(h('p', { class: 'hint' }, 'Geen aantekeningen bij deze slide.'));
    return;
  }
  const copy = notes.cloneNode(true) as HTMLElement;
  for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
  target.replaceChildren(...copy.childNodes);
}

export function renderNav(
  target: HTMLElement,
  deck: Deck,
  button: (label: string, focus: string, run: () => void) => HTMLElement,
): void {
  const slides = deck.getSlides();
  const current = deck.getCurrentSlide();
  const position = slides.indexOf(current) + 1;
  target.replaceChildren(
    h(
      'p',
      { class: 'console-position' },
      `Slide ${position} van ${slides.length}: ${current ? slideTitle(current) : ''}`,
    ),
    h(
      'div',
      { class: 'console-buttons' },
      button('Vorige', 'prev', () => deck.prev()),
      button('Volgende', 'next', () => deck.next()),
    ),
  );
}

/** The agenda parts (with a plan) or the deck's stacks, and every slide by title, to jump to. */
export function buildJump(target: HTMLElement, deck: Deck, plan: AgendaPlan | null): HTMLInputElement {
  const slides = deck.getSlides();
  const go = (slide: Element | undefined) => {
    if (!slide) return;
    const { h: x, v } = deck.getIndices(slide as HTMLElement);
    deck.slide(x, v ?? 0);
  };
  const parts = h('select', { id: 'console-part-select' }, h('option', { value: '' }, 'Kies een onderdeel…'));
  const stacks = [...document.querySelectorAll<HTMLElement>('.console-stage .reveal .slides > section')];
  stacks.forEach((stack, k) => {
    const item = stack.dataset.agendaItem;
    const label = item !== undefined ? plan?.items[Number(item)]?.label : undefined;
    parts.append(h('option', { value: String(k) }, label ?? slideTitle(stack)));
  });
  parts.addEventListener('change', () => {
    const stack = stacks[Number(parts.value)];
    go(stack?.matches('.stack') ? (stack.querySelector('section') ?? undefined) : stack);
    parts.value = '';
  });
  const list = h('datalist', { id: 'console-slide-titles' });
  const titles = slides.map((slide, k) => `${k + 1}. ${slideTitle(slide)}`);
  for (const title of titles) list.append(h('option', { value: title }));
  const search = h('input', { id: 'console-slide-search', type: 'search', list: list.id, autocomplete: 'off' });
  const find = () => {
    const wanted = search.value.trim().toLowerCase();
    if (!wanted) return;
    const index = titles.findIndex((title) => title.toLowerCase() === wanted);
    const found = index >= 0 ? index : titles.findIndex((title) => title.toLowerCase().includes(wanted));
    if (found >= 0) {
      go(slides[found]);
      search.value = '';
    }
  };
  search.addEventListener('change', find);
  search.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Enter') find();
  });
  target.replaceChildren(
    h('label', { for: parts.id }, 'Onderdeel'),
    parts,
    h('label', { for: search.id }, 'Slide zoeken op titel (J)'),
    search,
    list,
  );
  return search;
}
