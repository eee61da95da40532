import type { RevealApi } from 'reveal.js';
import type { Poll } from '../../shared/deck.ts';

/** The parts of reveal.js the polls use. */
export type DeckApi = Pick<RevealApi, 'on' | 'getCurrentSlide' | 'addKeyBinding'>;

/** A poll as it stands in the deck: its definition (rendered at build time) and its element. */
export interface PollSlide {
  poll: Poll;
  /** The `.poll` element on the slide. */
  element: HTMLElement;
  slide: HTMLElement;
}

/** Every poll in the deck, read from the `data-poll` attribute the build writes on each `.poll`. */
export function readPollSlides(root: ParentNode = document): PollSlide[] {
  const slides: PollSlide[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('.reveal .slides .poll[data-poll]')) {
    const slide = element.closest('section');
    if (!slide) continue;
    slides.push({ poll: JSON.parse(element.dataset.poll ?? '') as Poll, element, slide });
  }
  return slides;
}

/**
 * The id of the poll on a slide, or null for a slide without a poll. A group exercise's slide shows
 * its group poll on the phones (`data-shows-poll`) while its wall waits on the next slide.
 */
export function pollIdOf(slide: Element | null | undefined): string | null {
  if (slide instanceof HTMLElement && slide.dataset.showsPoll) return slide.dataset.showsPoll;
  return slide?.querySelector<HTMLElement>('.poll[data-poll-id]')?.dataset.pollId ?? null;
}
