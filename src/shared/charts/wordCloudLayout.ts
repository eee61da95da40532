// The word cloud: words sized by how often they were given, the biggest in the middle. A flowing,
// centred layout of words never overlaps, and the same answers always give the same picture.

export const WORD_CLOUD = { minEm: 0.75, maxEm: 2.6, limit: 40 } as const;

export interface SizedWord {
  word: string;
  count: number;
  /** Font size in em. */
  size: number;
}

/**
 * The most frequent words (up to `limit`), sized by the square root of their count so that the area
 * of a word, not its height, follows the count. Ordered for display: most frequent in the centre,
 * then alternately after and before it.
 */
export function wordCloudWords(
  words: readonly { word: string; count: number }[],
  limit: number = WORD_CLOUD.limit,
): SizedWord[] {
  const top = [...words]
    .filter((w) => w.count > 0)
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word, 'nl'))
    .slice(0, limit);
  const most = top[0]?.count ?? 1;
  const sized = top.map((w) => ({
    word: w.word,
    count: w.count,
    size: WORD_CLOUD.minEm + (WORD_CLOUD.maxEm - WORD_CLOUD.minEm) * Math.sqrt(w.count / most),
  }));
  const display: SizedWord[] = [];
  sized.forEach((word, k) => (k % 2 === 0 ? display.push(word) : display.unshift(word)));
  return display;
}
