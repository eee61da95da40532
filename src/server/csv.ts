// CSV as Dutch Excel opens it with a double click: semicolon-separated with a decimal comma (Excel set
// to Dutch expects both), CRLF line ends, UTF-8 with a byte order mark, so Excel reads the accents right.
//
// The file must stay harmless whichever separator a spreadsheet picks (semicolon, comma or TAB; LibreOffice
// and Google Sheets guess, an English Excel takes the comma). So every text cell is quoted (quotes doubled,
// RFC 4180), TAB and line breaks inside text become a space (no reading can split a cell or a row on them),
// and a formula character gets an apostrophe wherever a cell could start: at the start of the text, and
// after every comma or semicolon in it, because a spreadsheet that splits on that character starts a new
// cell there, quotes or not.

export type Cell = string | number | null;

const BYTE_ORDER_MARK = '\uFEFF';

/** Control characters (TAB, CR, LF among them) and Unicode line breaks: one space each run. */
const BREAKS = /[\p{Cc}\u2028\u2029]+/gu;

/**
 * Where a spreadsheet could start a cell (the text's start, or after `,` or `;`), then white space or
 * quotes, then a character that makes the cell a formula (`=`, `+`, `-`, `@`, also in full width).
 */
const FORMULA_AT_CELL_START = /(^|[,;])([\s"]*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/gu;

/** Text as a cell: one line, formula starts defused with `'`, always quoted. */
function textCell(text: string): string {
  const defused = text.replace(BREAKS, ' ').replace(FORMULA_AT_CELL_START, "$1$2'");
  return `"${defused.replaceAll('"', '""')}"`;
}

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return textCell(cell);
  if (!Number.isFinite(cell)) return '';
  // Numbers are ours, never participant text. A decimal comma is quoted, so a comma reading keeps it whole.
  const written = String(cell).replace('.', ',');
  return Number.isInteger(cell) ? written : `"${written}"`;
}

export function toCsv(rows: Cell[][]): string {
  return BYTE_ORDER_MARK + rows.map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}
