import type { Poll } from '../shared/deck.ts';
import type { Results } from '../shared/protocol.ts';

export interface ResultRow {
  label: string;
  value: number;
}

/**
 * A poll's results as labelled numbers, in the order to show them: options in deck order, scale points
 * low to high, words and ranked options from most to least. Open answers are not numbers: none.
 */
export function resultRows(poll: Poll, results: Results): ResultRow[] {
  switch (results.kind) {
    case 'counts':
    case 'scale':
      return poll.options.map((label, index) => ({ label, value: results.counts[index] ?? 0 }));
    case 'words':
      return results.words.map(({ word, count }) => ({ label: word, value: count }));
    case 'ranking':
      return poll.options
        .map((label, index) => ({ label, value: results.scores[index] ?? 0 }))
        .sort((a, b) => b.value - a.value);
    case 'answers':
      return [];
  }
}
