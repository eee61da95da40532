// CSV as Dutch Excel opens it with a double click: semicolon-separated with a decimal comma (Excel set
// to Dutch expects both), CRLF line ends, a cell quoted when it holds a semicolon, a quote or a line
// break, quotes doubled (RFC 4180). UTF-8 with a byte order mark, so Excel reads the accents right.

export type Cell = string | number | null;

const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula; text from participants must
 * never do that ("=HYPERLINK(…)"), so such text gets a leading apostrophe. Numbers are ours and stay.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell).replace('.', ',') : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: Cell[][]): string {
  return BYTE_ORDER_MARK + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
