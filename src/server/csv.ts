// CSV as RFC 4180 describes it, for spreadsheets: comma-separated, CRLF line ends, a cell quoted when it
// holds a comma, a quote or a line break, quotes doubled. UTF-8 with a byte order mark, so Excel reads
// the accents in Dutch text right.

export type Cell = string | number | null;

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula; text from participants must
 * never do that ("=HYPERLINK(…)"), so such text gets a leading apostrophe. Numbers are ours and stay.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return BYTE_ORDER_MARK + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
