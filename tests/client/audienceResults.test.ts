import { expect, test } from 'vitest';
import { audienceResults } from '../../src/client/audienceResults.ts';
import type { PollResults } from '../../src/shared/protocol.ts';

// What reaches the projector: approved answers only; a waiting answer never leaves the console.

const round = (results: PollResults['results']): PollResults => ({ poll: 'p', round: 2, voters: 3, results });

test('an answer wall keeps its approved answers and loses the waiting ones and their count', () => {
  const shown = audienceResults(
    round({
      kind: 'answers',
      answers: [
        { id: 1, text: 'goed', approved: true },
        { id: 2, text: 'geheim', approved: false, group: 'Tafel 1' },
        { id: 3, text: 'ook goed', approved: true, group: 'Tafel 2' },
      ],
      counts: { approved: 12, pending: 5 },
    }),
  );
  expect(shown).toEqual(
    round({
      kind: 'answers',
      answers: [
        { id: 1, text: 'goed', approved: true },
        { id: 3, text: 'ook goed', approved: true, group: 'Tafel 2' },
      ],
      counts: { approved: 12, pending: 0 },
    }),
  );
  expect(JSON.stringify(shown)).not.toContain('geheim');
});

test('a moderated word cloud keeps its approved words and loses the waiting ones', () => {
  const shown = audienceResults(
    round({
      kind: 'words',
      words: [{ word: 'taal', count: 2 }],
      pending: [{ id: 4, text: 'geheim', approved: false }],
      pendingTotal: 1,
    }),
  );
  expect(shown.results).toEqual({ kind: 'words', words: [{ word: 'taal', count: 2 }] });
});

test('counts, scales and rankings pass as they are', () => {
  const counts = round({ kind: 'counts', counts: [1, 2] });
  expect(audienceResults(counts)).toBe(counts);
});
