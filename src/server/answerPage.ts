import { ANSWER_PAGE, type OpenAnswer, type Results } from '../shared/protocol.ts';

// What the server sends of a round's answers: a page, not all of them. A flood of open answers would
// otherwise make every results message (thirty a second to the presenter) grow without limit. The
// wall shows the newest approved answers and the moderation list the newest waiting ones; the
// presenter asks for older waiting ones with `pending` (see pendingPage).

const newest = (answers: OpenAnswer[]): OpenAnswer[] => answers.slice(-ANSWER_PAGE);

/** The results with at most ANSWER_PAGE approved and ANSWER_PAGE waiting answers, and their totals. */
export function pageOfResults(results: Results): Results {
  if (results.kind === 'words' && results.pending) {
    return { ...results, pending: newest(results.pending), pendingTotal: results.pending.length };
  }
  if (results.kind !== 'answers') return results;
  const approved = results.answers.filter((answer) => answer.approved);
  const pending = results.answers.filter((answer) => !answer.approved);
  return {
    kind: 'answers',
    answers: [...newest(approved), ...newest(pending)].sort((a, b) => a.id - b.id),
    counts: { approved: approved.length, pending: pending.length },
  };
}

/** Every waiting answer in full results (oldest first). */
export function pendingAnswers(results: Results): OpenAnswer[] {
  if (results.kind === 'words') return results.pending ?? [];
  return results.kind === 'answers' ? results.answers.filter((answer) => !answer.approved) : [];
}

/** The newest ANSWER_PAGE waiting answers older than the answer `before` (all of them without it). */
export function pendingPage(pending: OpenAnswer[], before: number | undefined): OpenAnswer[] {
  return newest(before === undefined ? pending : pending.filter((answer) => answer.id < before));
}
