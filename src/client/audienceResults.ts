import type { PollResults } from '../shared/protocol.ts';

// The audience view (the projector) shows what the room may see: approved answers, never the ones that
// wait for the presenter. The presenter windows receive every answer; this takes the waiting ones out
// before anything reaches the audience view's page, so they are not even in its DOM.

export function audienceResults(results: PollResults): PollResults {
  const { results: shown } = results;
  if (shown.kind === 'answers') {
    const answers = shown.answers.filter((answer) => answer.approved);
    const counts = shown.counts && { approved: shown.counts.approved, pending: 0 };
    return { ...results, results: { kind: 'answers', answers, ...(counts ? { counts } : {}) } };
  }
  if (shown.kind === 'words') return { ...results, results: { kind: 'words', words: shown.words } };
  return results;
}
