import type { OpenAnswer } from '../../../shared/protocol.ts';

export interface WallSelection {
  /** Approved answers on the wall: the newest ones, oldest of them first. */
  shown: OpenAnswer[];
  /** Approved answers that no longer fit on the wall. */
  earlier: number;
}

/** What the answer wall shows, given every answer of the round (oldest first, as the server sends them). */
export function wallSelection(answers: readonly OpenAnswer[], limit: number): WallSelection {
  const approved = answers.filter((answer) => answer.approved);
  const shown = limit > 0 ? approved.slice(-limit) : [];
  return {
    shown,
    earlier: approved.length - shown.length,
  };
}
