/** 1-based line of the first line matching `pattern` at or after line `from`, else `from`. */
export function findLine(text: string, pattern: RegExp, from = 1): number {
  const lines = text.split(/\r?\n/);
  for (let k = from - 1; k < lines.length; k++) if (pattern.test(lines[k] ?? '')) return k + 1;
  return from;
}
