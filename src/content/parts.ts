import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import type { ErrorSink } from './errors.ts';

/** One `::: name info` … `:::` part of a slide file. */
export interface Part {
  name: string;
  /** The rest of the opening line, e.g. the speaker of a quote. */
  info: string;
  /** 1-based line of the opening `:::` line. */
  line: number;
  /** The lines between the opening and the closing `:::`. */
  content: string;
  /** 1-based line of the first content line. */
  contentLine: number;
}

export interface SplitBody {
  parts: Part[];
  /** The markdown outside all parts. */
  text: string;
}

const md = new MarkdownIt().use(container, 'part', { validate: () => true });

/** Splits a slide file's body into its `:::` parts and the free text around them. */
export function splitParts(body: string, bodyLine: number, sink: ErrorSink): SplitBody {
  const lines = body.split('\n');
  const inPart = new Array<boolean>(lines.length).fill(false);
  const parts: Part[] = [];
  const tokens = md.parse(body, {});
  tokens.forEach((token, i) => {
    if (token.type !== 'container_part_open' || token.level !== 0 || !token.map) return;
    const [start, end] = token.map;
    const line = bodyLine + start;
    const [name = '', ...rest] = token.info.trim().split(/\s+/);
    const closed = tokens.slice(i + 1).find((t) => t.type === 'container_part_close' && t.level === 0)?.markup;
    if (!closed) sink.add(line, `"::: ${name}" wordt niet afgesloten: zet een regel met alleen ::: onder dit deel`);
    if (!name) sink.add(line, 'na ::: hoort de naam van het deel, bijvoorbeeld ::: quote Deelnemer');
    for (let k = start; k <= Math.min(end, lines.length - 1); k++) inPart[k] = true;
    parts.push({
      name,
      info: rest.join(' '),
      line,
      content: lines.slice(start + 1, end).join('\n'),
      contentLine: line + 1,
    });
  });
  const text = lines
    .filter((_, k) => !inPart[k])
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { parts, text };
}

/** The items of a markdown list (`- item`), or null when the text is something other than one list. */
export function listItems(content: string): string[] | null {
  const tokens = md.parse(content, {});
  const top = tokens.filter((t) => t.level === 0);
  if (top.length === 0 || top[0]?.type !== 'bullet_list_open' || top.at(-1)?.type !== 'bullet_list_close') return null;
  if (top.filter((t) => t.type === 'bullet_list_open').length !== 1) return null;
  return tokens
    .filter((t) => t.type === 'inline' && t.level === 3)
    .map((t) => t.content.replace(/\s*\n\s*/g, ' ').trim());
}
