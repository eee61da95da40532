import type { OpenAnswer } from './protocol.ts';
import { ANSWER_PAGE } from './protocolLimits.ts';

// Paging back through the answers that wait for approval, in the deck and on the remote control. The
// results carry the newest page; older pages come on request (`pending`, `before`). New answers keep
// pushing the newest page forward, so what the client holds is a set of ranges of answer ids it has
// complete, and the next request fills the first gap below the newest page.

/** Answer ids from `from` up to (not including) `to` that the client has every waiting answer of. */
export interface IdRange {
  from: number;
  to: number;
}

/** The range a page answered to `before` covers: down to its oldest answer, or to the start when it was not full. */
export function rangeOfPage(before: number, answers: readonly OpenAnswer[]): IdRange {
  const from = answers.length < ANSWER_PAGE ? 0 : Math.min(...answers.map((answer) => answer.id));
  return { from, to: before };
}

/**
 * The `before` of the next page to ask for: the lowest id down to which the client has everything,
 * starting from the newest page; null when it has everything.
 */
export function nextBefore(newest: readonly OpenAnswer[], ranges: readonly IdRange[]): number | null {
  let frontier = newest.length === 0 ? Number.MAX_SAFE_INTEGER : Math.min(...newest.map((answer) => answer.id));
  let moved = true;
  while (moved) {
    moved = false;
    for (const range of ranges) {
      if (range.to >= frontier && range.from < frontier) {
        frontier = range.from;
        moved = true;
      }
    }
  }
  return frontier <= 1 ? null : frontier;
}

/**
 * The older waiting answers a client asked for, of one poll round at a time: asking about another
 * poll or round starts again. Answers are kept by id; an answer approved from here is updated, a rejected one
 * dropped.
 */
export class OlderPending {
  private key = '';
  private readonly answers = new Map<number, OpenAnswer>();
  private readonly ranges: IdRange[] = [];
  private requested: number | null = null;

  /** What is loaded for the poll round: the answers (oldest first) and the ranges they cover. */
  of(poll: string, round: number): { answers: OpenAnswer[]; ranges: readonly IdRange[] } {
    if (!this.isFor(poll, round)) return { answers: [], ranges: [] };
    return { answers: [...this.answers.values()].sort((a, b) => a.id - b.id), ranges: this.ranges };
  }

  /** A page older than `before` was asked for. */
  asked(poll: string, round: number, before: number): void {
    this.switchTo(poll, round);
    this.requested = before;
  }

  /** The page came (`pending-page`); ignored unless it answers what was asked. */
  received(poll: string, round: number, answers: readonly OpenAnswer[]): void {
    if (!this.isFor(poll, round) || this.requested === null) return;
    this.ranges.push(rangeOfPage(this.requested, answers));
    this.requested = null;
    for (const answer of answers) this.answers.set(answer.id, answer);
  }

  /** The presenter approved (true) or rejected (false: it leaves the list) an answer from here. */
  moderated(id: number, approved: boolean): void {
    const answer = this.answers.get(id);
    if (!answer) return;
    if (approved) this.answers.set(id, { ...answer, approved });
    else this.answers.delete(id);
  }

  private isFor(poll: string, round: number): boolean {
    return this.key === `${poll}#${round}`;
  }

  private switchTo(poll: string, round: number): void {
    if (this.isFor(poll, round)) return;
    this.key = `${poll}#${round}`;
    this.answers.clear();
    this.ranges.length = 0;
    this.requested = null;
  }
}
