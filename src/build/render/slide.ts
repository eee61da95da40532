import { escapeHtml, notes } from './html.ts';

export interface SlideOptions {
  id: string;
  className?: string;
  /** Extra attributes, already escaped values. */
  data?: Record<string, string>;
  notes?: string;
}

/** One reveal.js slide. */
export function slide(options: SlideOptions, ...content: string[]): string {
  const attributes = [`id="${escapeHtml(options.id)}"`];
  if (options.className) attributes.push(`class="${escapeHtml(options.className)}"`);
  for (const [name, value] of Object.entries(options.data ?? {})) {
    attributes.push(`data-${name}="${escapeHtml(value)}"`);
  }
  return `<section ${attributes.join(' ')}>${content.join('')}${notes(options.notes ?? '')}</section>`;
}

/** A vertical stack of slides; a single slide stands on its own. */
export function stack(slides: string[]): string {
  return slides.length === 1 ? (slides[0] ?? '') : `<section class="stack">${slides.join('')}</section>`;
}
