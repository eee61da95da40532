// The sentences around the numbers on a poll slide, in Dutch, with singular and plural.

const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** `3,4`: one decimal, with a comma as Dutch readers expect. */
export function formatDecimal(value: number): string {
  return decimal.format(value);
}

/** A whole percentage of `total`; 0% when nobody answered. */
export function percentOf(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

export function connectedText(participants: number): string {
  if (participants === 0) return 'Nog niemand verbonden';
  return participants === 1 ? '1 persoon verbonden' : `${participants} mensen verbonden`;
}

/** `12 van 30 hebben geantwoord`. People who answered and then left can make voters exceed participants. */
export function answeredText(voters: number, participants: number): string {
  if (voters === 0) return 'Nog niemand heeft geantwoord';
  const verb = voters === 1 ? 'heeft' : 'hebben';
  return voters <= participants ? `${voters} van ${participants} ${verb} geantwoord` : `${voters} ${verb} geantwoord`;
}

export function pointsText(points: number): string {
  return points === 1 ? '1 punt' : `${points} punten`;
}
