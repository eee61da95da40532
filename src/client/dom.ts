type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined>;

/**
 * An element with attributes and children. Text always goes in as a text node, never as HTML: poll
 * content and open answers can hold anything.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/** Poll content is written in Dutch, whatever language the page's own words are in. */
export function dutch<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text: string,
  attributes: Attributes = {},
): HTMLElementTagNameMap[K] {
  return h(tag, { ...attributes, lang: 'nl', dir: 'auto' }, text);
}

let nextId = 0;
/** A fresh id for label and description links. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
