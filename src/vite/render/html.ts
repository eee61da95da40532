import MarkdownIt from 'markdown-it';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// Trainers write markdown, not HTML: raw HTML in a slide file is shown as text.
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function markdown(source: string): string {
  return md.render(source);
}

export function markdownInline(source: string): string {
  return md.renderInline(source);
}

/** The lines trainers start their notes with: each becomes a paragraph of its own, its label in bold. */
const NOTE_LINE = /^(Doel|Tijd|Werkwijze|Let op):[ \t]*/gm;

/**
 * Facilitator notes for the presenter console; never shown on the slide. The "Doel / Tijd / Werkwijze /
 * Let op" lines stay apart, instead of running into one paragraph.
 */
export function notes(source: string): string {
  if (!source.trim()) return '';
  return `<aside class="notes">${markdown(source.replace(NOTE_LINE, '\n**$1:** '))}</aside>`;
}

/** Facilitator notes headed by the suggested time, for the presenter console. */
export function withMinutes(source: string, minutes: number | null): string {
  if (minutes === null) return source;
  return `**Richttijd: ${minutesLabel(minutes)}**\n\n${source}`;
}

export function minutesLabel(minutes: number | null): string {
  if (minutes === null) return '';
  return minutes === 1 ? '1 minuut' : `${minutes} minuten`;
}

/** An ordered or unordered list of inline-markdown items. */
export function list(items: string[], ordered = false): string {
  if (items.length === 0) return '';
  const tag = ordered ? 'ol' : 'ul';
  return `<${tag}>${items.map((item) => `<li>${markdownInline(item)}</li>`).join('')}</${tag}>`;
}
