import type { ChartTable, MarkupNode } from '../../../shared/charts/markup.ts';

// Small helpers to build SVG and table markup with the DOM API (never from strings: labels and
// answers come from people and are always set as text).

const SVG_NS = 'http://www.w3.org/2000/svg';

export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * Text a participant typed, as text: its direction comes from the text itself (`dir="auto"`), so an
 * Arabic answer reads right to left and cannot turn the order of what stands around it.
 */
export function participantText<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const element = html(tag, className, text);
  element.dir = 'auto';
  return element;
}

/** The live SVG of a chart drawn as a tree (src/shared/charts): elements made with the DOM, text as text. */
export function svgFromTree(tree: MarkupNode): SVGElement {
  const element = document.createElementNS(SVG_NS, tree.tag);
  for (const [name, value] of Object.entries(tree.attributes)) element.setAttribute(name, String(value));
  if (tree.text !== undefined) element.textContent = tree.text;
  else element.append(...tree.children.map(svgFromTree));
  return element;
}

/**
 * Brings a chart drawn by svgFromTree up to date with a new tree of the same shape, changing only the
 * attributes and texts that differ: the elements stay, so the style's transitions move the bars.
 */
export function patchSvg(element: Element, tree: MarkupNode): void {
  for (const [name, value] of Object.entries(tree.attributes)) {
    if (element.getAttribute(name) !== String(value)) element.setAttribute(name, String(value));
  }
  if (tree.text !== undefined) {
    if (element.textContent !== tree.text) element.textContent = tree.text;
    return;
  }
  const children = element.children;
  if (children.length !== tree.children.length) {
    element.replaceChildren(...tree.children.map(svgFromTree));
    return;
  }
  tree.children.forEach((child, k) => {
    const current = children[k];
    if (current) patchSvg(current, child);
  });
}

/**
 * A chart's text alternative: a table only screen readers see, replaced on every update. Empty while
 * the results are hidden, as the numbers are.
 */
export function dataTable({ caption, headings, rows }: ChartTable, concealed = false): HTMLElement {
  const wrapper = html('div', 'visually-hidden');
  if (concealed) return wrapper;
  const table = html('table');
  table.append(html('caption', undefined, caption));
  const head = html('tr');
  for (const heading of headings) {
    const th = html('th', undefined, heading);
    th.scope = 'col';
    head.append(th);
  }
  table.append(html('thead'), html('tbody'));
  table.tHead?.append(head);
  for (const row of rows) {
    const tr = html('tr');
    row.forEach((cell, k) => {
      const element = html(k === 0 ? 'th' : 'td', undefined, String(cell));
      if (k === 0) (element as HTMLTableCellElement).scope = 'row';
      tr.append(element);
    });
    table.tBodies[0]?.append(tr);
  }
  wrapper.append(table);
  return wrapper;
}
