/** The order with the item at `from` moved one place up (-1) or down (+1); unchanged at the ends. */
export function moveItem<T>(order: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  const moved = [...order];
  if (from < 0 || from >= order.length || to < 0 || to >= order.length) return moved;
  [moved[from], moved[to]] = [moved[to] as T, moved[from] as T];
  return moved;
}

/** The starting order of a ranking: the earlier vote when it is a full ranking of these options, else deck order. */
export function initialRanking(optionCount: number, earlier: unknown): number[] {
  const deckOrder = Array.from({ length: optionCount }, (_, index) => index);
  if (!Array.isArray(earlier) || earlier.length !== optionCount) return deckOrder;
  const sorted = [...earlier].sort((a, b) => a - b);
  return sorted.every((value, index) => value === index) ? (earlier as number[]) : deckOrder;
}
