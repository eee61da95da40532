import { waitsForApproval, type GroupPoll, type OpenPoll } from '../../../shared/deck.ts';
import type { OpenAnswer } from '../../../shared/protocol.ts';
import { wallSelection } from './answerWallSelection.ts';
import type { Chart, ChartData } from './chart.ts';
import { html, participantText } from './svg.ts';

/** How many answers fit on the wall beside the QR code. */
const WALL_LIMIT = 6;

export type ApproveAnswer = (answer: number, approved: boolean) => void;

/** A group answer starts with the group's name. */
const spoken = (answer: OpenAnswer): string => (answer.group ? `${answer.group}: ${answer.text}` : answer.text);

/** The answer's text, under its group's name for a group answer. Always text, never markup. */
function answerContent(answer: OpenAnswer): HTMLElement[] {
  const text = participantText('p', 'answer-text', answer.text);
  return answer.group ? [participantText('p', 'answer-group', answer.group), text] : [text];
}

function card(answer: OpenAnswer, approve: ApproveAnswer): HTMLLIElement {
  const item = html('li');
  item.dataset.answer = String(answer.id);
  const remove = html('button', 'answer-remove', '×');
  remove.type = 'button';
  remove.setAttribute('aria-label', `Van het scherm halen: ${spoken(answer)}`);
  remove.addEventListener('click', () => approve(answer.id, false));
  item.append(...answerContent(answer), remove);
  return item;
}

function pendingItem(answer: OpenAnswer, approve: ApproveAnswer): HTMLLIElement {
  const item = html('li');
  item.dataset.answer = String(answer.id);
  const button = html('button', 'answer-approve', 'Tonen');
  button.type = 'button';
  button.setAttribute('aria-label', `Tonen op het scherm: ${spoken(answer)}`);
  button.addEventListener('click', () => approve(answer.id, true));
  item.append(...answerContent(answer), button);
  return item;
}

/**
 * The answer wall of an open question or of group answers: approved answers as cards. The presenter approves waiting
 * answers in a fold-out list, so nothing shows on the big screen before they have read it.
 */
export function createAnswerWall(poll: OpenPoll | GroupPoll, approve: ApproveAnswer): Chart {
  const element = html('div', 'poll-chart poll-chart-wall');
  const wall = html('ul', 'answer-wall');
  wall.setAttribute('aria-label', 'Antwoorden op het scherm');
  const earlier = html('p', 'answer-wall-more');
  const empty = html('p', 'poll-chart-empty', 'Nog geen antwoorden op het scherm');
  const moderation = html('details', 'answer-moderation');
  const summary = html('summary');
  const pendingList = html('ul', 'answer-pending');
  moderation.append(summary, pendingList);
  element.append(wall, earlier, empty, moderation);
  const known = new Map<string, HTMLLIElement>();
  const waitingItems = new Map<number, HTMLLIElement>();

  return {
    element,
    update({ results }: ChartData) {
      const answers = results?.results.kind === 'answers' ? results.results.answers : [];
      const selection = wallSelection(answers, WALL_LIMIT);
      const cards = selection.shown.map((answer) => {
        const key = `${answer.id}:${answer.group ?? ''}:${answer.text}`;
        const existing = known.get(key);
        if (existing) {
          existing.classList.remove('is-new');
          return existing;
        }
        const fresh = card(answer, approve);
        fresh.classList.add('is-new');
        known.set(key, fresh);
        return fresh;
      });
      for (const [key, item] of known) if (!cards.includes(item)) known.delete(key);
      wall.replaceChildren(...cards);
      // A few answers get larger type; a full wall gets three columns.
      wall.dataset.size = cards.length <= 2 ? 'few' : 'many';
      earlier.textContent =
        selection.earlier === 0
          ? ''
          : selection.earlier === 1
            ? '+ 1 eerder antwoord'
            : `+ ${selection.earlier} eerdere antwoorden`;
      earlier.hidden = selection.earlier === 0;
      empty.hidden = cards.length > 0;
      const waiting = selection.pending.length;
      summary.textContent = waiting === 0 ? 'Niets te keuren' : `Wachten op goedkeuring (${waiting})`;
      moderation.hidden = waiting === 0 && !waitsForApproval(poll);
      // Keep the items that stay, so a focused "Tonen" button keeps its focus while votes come in.
      const pending = selection.pending.map((answer) => waitingItems.get(answer.id) ?? pendingItem(answer, approve));
      waitingItems.clear();
      selection.pending.forEach((answer, k) => {
        const item = pending[k];
        if (item) waitingItems.set(answer.id, item);
      });
      const current = Array.from(pendingList.children);
      if (current.length !== pending.length || pending.some((item, k) => current[k] !== item)) {
        pendingList.replaceChildren(...pending);
      }
    },
  };
}
