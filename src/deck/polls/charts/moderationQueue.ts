import { nextBefore, OlderPending } from '../../../shared/pendingPages.ts';
import type { OpenAnswer } from '../../../shared/protocol.ts';
import { html, participantText } from './svg.ts';

// The presenter's fold-out list of answers waiting for approval, under an answer wall or a moderated
// word cloud: nothing reaches the big screen before the presenter has read it. The server sends only
// the newest waiting answers with the results (and how many wait in all); older ones come a page at a
// time when the presenter asks for them.

export interface Moderation {
  approve(answer: number, approved: boolean): void;
  /** Asks the server for the waiting answers older than the answer `before`. */
  loadOlder(before: number): void;
}

export interface ModerationQueue {
  element: HTMLDetailsElement;
  /** The newest waiting answers of `round` (oldest first) and how many wait in all. */
  update(round: number, newest: readonly OpenAnswer[], total: number): void;
  /** A page of older waiting answers arrived. */
  addOlder(round: number, answers: readonly OpenAnswer[]): void;
}

/** A group answer starts with the group's name. */
export const spoken = (answer: OpenAnswer): string => (answer.group ? `${answer.group}: ${answer.text}` : answer.text);

/** The answer's text, under its group's name for a group answer. Always text, never markup. */
export function answerContent(answer: OpenAnswer): HTMLElement[] {
  const text = participantText('p', 'answer-text', answer.text);
  return answer.group ? [participantText('p', 'answer-group', answer.group), text] : [text];
}

function pendingItem(answer: OpenAnswer, approve: (answer: OpenAnswer) => void): HTMLLIElement {
  const item = html('li');
  item.dataset.answer = String(answer.id);
  const button = html('button', 'answer-approve', 'Tonen');
  button.type = 'button';
  button.setAttribute('aria-label', `Tonen op het scherm: ${spoken(answer)}`);
  button.addEventListener('click', () => approve(answer));
  item.append(...answerContent(answer), button);
  return item;
}

/** `alwaysShown`: the list shows even when nothing waits (a poll whose answers all need approval). */
export function createModerationQueue(poll: string, alwaysShown: boolean, moderation: Moderation): ModerationQueue {
  const element = html('details', 'answer-moderation');
  const summary = html('summary');
  const list = html('ul', 'answer-pending');
  const more = html('button', 'answer-more', 'Eerdere antwoorden laden');
  more.type = 'button';
  element.append(summary, list, more);
  const items = new Map<number, HTMLLIElement>();
  let round = 0;
  let newest: readonly OpenAnswer[] = [];
  let total = 0;
  /** Older waiting answers loaded on request (this round's); approved ones leave the list at once. */
  const older = new OlderPending();
  /** Approved here since the last results: hidden until the server's next results leave them out. */
  const approvedHere = new Set<number>();

  const approve = (answer: OpenAnswer): void => {
    older.approved(answer.id, true);
    approvedHere.add(answer.id);
    moderation.approve(answer.id, true);
    render();
  };

  const render = (): void => {
    const loaded = older.of(poll, round);
    const byId = new Map([...loaded.answers, ...newest].map((answer) => [answer.id, answer]));
    const shown = [...byId.values()]
      .filter((answer) => !answer.approved && !approvedHere.has(answer.id))
      .sort((a, b) => a.id - b.id);
    const waiting = Math.max(total - approvedHere.size, shown.length);
    summary.textContent = waiting === 0 ? 'Niets te keuren' : `Wachten op goedkeuring (${waiting})`;
    element.hidden = waiting === 0 && !alwaysShown;
    more.hidden = shown.length >= waiting || nextBefore(newest, loaded.ranges) === null;
    // Keep the items that stay, so a focused "Tonen" button keeps its focus while votes come in.
    const next = shown.map((answer) => items.get(answer.id) ?? pendingItem(answer, approve));
    items.clear();
    shown.forEach((answer, k) => {
      const item = next[k];
      if (item) items.set(answer.id, item);
    });
    const current = Array.from(list.children);
    if (current.length !== next.length || next.some((item, k) => current[k] !== item)) list.replaceChildren(...next);
  };

  more.addEventListener('click', () => {
    const before = nextBefore(newest, older.of(poll, round).ranges);
    if (before === null) return;
    older.asked(poll, round, before);
    moderation.loadOlder(before);
  });

  return {
    element,
    update(nextRound, answers, count) {
      round = nextRound;
      newest = answers;
      total = count;
      approvedHere.clear();
      render();
    },
    addOlder(pageRound, answers) {
      older.received(poll, pageRound, answers);
      render();
    },
  };
}
