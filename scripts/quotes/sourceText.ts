// The guide's text (source/handreiking.txt) as a reader of the two-column PDF would read it: cut into its
// pages, with line-end hyphenation joined and a quote cut at a column break put back together. See
// source/README.md for how the extracted text is laid out.

export interface SourcePage {
  /** `block 3` or `case 1`: the heading that closes the page. */
  heading: string;
  /** The page's lines as extracted: everything after the previous heading, up to this heading. */
  lines: string[];
  /** The page's lines as read: those that start mid-sentence moved back to the quote they end. */
  readLines: string[];
}

// On every page the heading comes AFTER the page's text: `4	 Kennismaken met bedrijven`, `Casus 1`.
const HEADING = /^(?:(\d{1,2})\s+[A-Z]|Casus (\d))/;

/** The label above a quote group, e.g. `Deelnemers VIP:` (the source's own spelling, plural). */
const ROLE_LINE =
  /^\s*(Deelnemers?(?: VIP| NVA Werktrajecten)?|NVA(?: Werktrajecten)?|VluchtelingenWerk|Werkgevers?|Gemeente Amersfoort|VIP gemeenten):?\s*$/;

/** The speaker role as the slides write it: the source's label in the singular. */
export const speakerRole = (label: string): string =>
  label.replace(/^Deelnemers/, 'Deelnemer').replace(/^Werkgevers/, 'Werkgever');

/**
 * Moves a page's opening lines that start mid-sentence (indented, lower case: the rest of a quote cut at
 * the column break, and the quotes of the same group after it, up to the next speaker label) behind the
 * last quote on the page that is still open, where a reader finds them.
 */
function rejoinColumnBreak(lines: string[]): string[] {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0 || !/^\s+\p{Ll}/u.test(lines[first] ?? '')) return lines;
  const label = lines.findIndex((line, k) => k > first && ROLE_LINE.test(line));
  const end = label < 0 ? lines.findIndex((line, k) => k > first && line.trim() === '') : label;
  const run = lines.slice(first, end < 0 ? lines.length : end).map((line) => line.trim());
  const rest = [...lines.slice(0, first), ...(end < 0 ? [] : lines.slice(end))];
  // The open quote's paragraph ends at the first empty line after its opening.
  const open = rest.findLastIndex((line) => line.includes('“'));
  let at = rest.length;
  if (open >= 0 && !rest.slice(open).some((line) => line.includes('”'))) {
    at = open;
    while (at < rest.length && (rest[at] ?? '').trim() !== '') at++;
  }
  return [...rest.slice(0, at), ...run, ...rest.slice(at)];
}

/** The source cut into its pages, each named by the heading that closes it. */
export function sourcePages(sourceText: string): SourcePage[] {
  const lines = sourceText.split('\n');
  const pages: SourcePage[] = [];
  let start = 0;
  for (let k = 0; k < lines.length; k++) {
    const match = HEADING.exec(lines[k] ?? '');
    if (!match) continue;
    const pageLines = lines.slice(start, k);
    pages.push({
      heading: match[1] ? `block ${match[1]}` : `case ${match[2]}`,
      lines: pageLines,
      readLines: rejoinColumnBreak(pageLines),
    });
    // A heading may wrap onto more lines; the next page starts at the first empty or indented line.
    let next = k + 1;
    while (next < lines.length && /^\S/.test(lines[next] ?? '')) next++;
    start = next;
  }
  return pages;
}

/**
 * Text as a reader compares it: line-end hyphenation joined, hyphens inside a word dropped (the PDF
 * breaks `privacy-redenen` and `sollicitatiege-sprek` alike), quote marks unified and the outer ones
 * dropped (slides show a quote without them), whitespace collapsed. Words and other punctuation stay.
 */
export function readerText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/(\p{L})-[^\S\n]*\n\s*(\p{L})/gu, '$1$2')
    .replace(/(\p{L})-(\p{L})/gu, '$1$2')
    .replace(/[‘’‚`´]/g, "'")
    .replace(/[“”„"]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Where a passage (reader text) starts on a page: the index of the read line on which its first words
 * end, or -1 when the page does not hold it.
 */
export function lineOf(page: SourcePage, passage: string): number {
  const opening = passage.slice(0, 40);
  if (!readerText(page.readLines.join('\n')).includes(opening)) return -1;
  return page.readLines.findIndex((_, k) => readerText(page.readLines.slice(0, k + 1).join('\n')).includes(opening));
}

/** The source's speaker label nearest above a read line of the page, or null when there is none. */
export function speakerAbove(page: SourcePage, line: number): string | null {
  const labels = page.readLines.slice(0, line + 1).map((text) => ROLE_LINE.exec(text)?.[1]);
  const label = labels.findLast((found) => found !== undefined);
  return label ? speakerRole(label) : null;
}
