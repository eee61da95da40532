export interface SplitFile {
  /** The YAML between the two `---` lines, or null when the file has none. */
  frontMatter: string | null;
  /** 1-based line of the first YAML line. */
  frontMatterLine: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
  /** The file opens with `---` but never closes it. */
  unclosed: boolean;
}

const FENCE = /^---\s*$/;

export function splitFrontMatter(text: string): SplitFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return { frontMatter: null, frontMatterLine: 1, body: lines.join('\n'), bodyLine: 1, unclosed: false };
  }
  const end = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (end < 0) {
    return { frontMatter: null, frontMatterLine: 1, body: lines.join('\n'), bodyLine: 1, unclosed: true };
  }
  return {
    frontMatter: lines.slice(1, end).join('\n'),
    frontMatterLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyLine: end + 2,
    unclosed: false,
  };
}
