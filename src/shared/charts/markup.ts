// A chart as a tree of elements, without a DOM: the deck turns it into live SVG (and patches it in
// place on every update, so the bars can move), the session report writes it out as markup. Text is
// always text: toMarkup escapes it, the deck sets it as textContent.

export interface MarkupNode {
  tag: string;
  attributes: Record<string, string | number>;
  /** The element's text; an element has either text or children. */
  text?: string;
  children: MarkupNode[];
}

export function node(
  tag: string,
  attributes: Record<string, string | number> = {},
  content: string | MarkupNode[] = [],
): MarkupNode {
  return typeof content === 'string'
    ? { tag, attributes, text: content, children: [] }
    : { tag, attributes, children: content };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeMarkup = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/** The tree as markup (HTML or inline SVG). */
export function toMarkup(tree: MarkupNode): string {
  const attributes = Object.entries(tree.attributes)
    .map(([name, value]) => ` ${name}="${escapeMarkup(String(value))}"`)
    .join('');
  const inner = tree.text !== undefined ? escapeMarkup(tree.text) : tree.children.map(toMarkup).join('');
  return `<${tree.tag}${attributes}>${inner}</${tree.tag}>`;
}

/** A chart's numbers as a table: its text alternative on the slide, and the table beside it in the report. */
export interface ChartTable {
  caption: string;
  headings: string[];
  rows: (string | number)[][];
}
