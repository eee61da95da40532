// The numbers in the charts' words, in Dutch: the deck's slides and the session report say them alike.

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** `3,4`: one decimal, with a comma as Dutch readers expect. */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** A whole percentage of `total`; 0% when nobody answered. */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

export function pointsText(points: number): string {
  return points === 1 ? '1 punt' : `${points} punten`;
}
