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

/**
 * Seconds per slide for reveal's pacing timer (`data-timing`): the slides at `fixed` get their own
 * minutes, the others share what is left of `total` (at least a minute each).
 */
export function spreadTiming(total: number | null, count: number, fixed: Map<number, number> = new Map()): number[] {
  if (total === null || count === 0) return [];
  const fixedMinutes = [...fixed.values()].reduce((sum, m) => sum + m, 0);
  const free = count - fixed.size;
  const share = free > 0 ? Math.max(1, (total - fixedMinutes) / free) : 0;
  return Array.from({ length: count }, (_, k) => Math.round((fixed.get(k) ?? share) * 60));
}

/**
 * The slides of one slide file, as a vertical stack. `part` names the file's place in the deck
 * (`block-3`, `case-1`, `slide-welkom`): workshop plans pick and order the parts by it.
 */
export function stack(part: string, slides: string[], timing: number[] = []): string {
  const timed = slides.map((html, k) =>
    timing[k] === undefined ? html : html.replace(/^<section /, `<section data-timing="${timing[k]}" `),
  );
  return `<section class="stack" data-part="${escapeHtml(part)}">${timed.join('')}</section>`;
}
