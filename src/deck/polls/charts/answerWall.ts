import { waitsForApproval, type GroupPoll, type OpenPoll } from '../../../shared/deck.ts';
import type { OpenAnswer } from '../../../shared/protocol.ts';
import { wallSelection } from './answerWallSelection.ts';
import type { Chart, ChartData } from './chart.ts';
import { answerContent, createModerationQueue, spoken, type Moderation } from './moderationQueue.ts';
import { html } from './svg.ts';

/** How many answers fit on the wall beside the QR code. */
const WALL_LIMIT = 6;

function card(answer: OpenAnswer, approve: Moderation['approve']): HTMLLIElement {
  const item = html('li');
  item.dataset.answer = String(answer.id);
  const remove = html('button', 'answer-remove', '×');
  remove.type = 'button';
  remove.setAttribute('aria-label', `Van het scherm halen: ${spoken(answer)}`);
  remove.addEventListener('click', () => approve(answer.id, false));
  item.append(...answerContent(answer), remove);
  return item;
}

/**
 * The answer wall of an open question or of group answers: approved answers as cards. The presenter approves waiting
 * answers in a fold-out list, so nothing shows on the big screen before they have read it.
 */
export function createAnswerWall(poll: OpenPoll | GroupPoll, moderation: Moderation): Chart {
  const element = html('div', 'poll-chart poll-chart-wall');
  const wall = html('ul', 'answer-wall');
  wall.setAttribute('aria-label', 'Antwoorden op het scherm');
  const earlier = html('p', 'answer-wall-more');
  const empty = html('p', 'poll-chart-empty', 'Nog geen antwoorden op het scherm');
  const queue = createModerationQueue(poll.id, waitsForApproval(poll), moderation);
  element.append(wall, earlier, empty, queue.element);
  const known = new Map<string, HTMLLIElement>();

  return {
    element,
    update({ results }: ChartData) {
      const found = results?.results.kind === 'answers' ? results.results : null;
      const answers = found?.answers ?? [];
      const selection = wallSelection(answers, WALL_LIMIT);
      const cards = selection.shown.map((answer) => {
        const key = `${answer.id}:${answer.group ?? ''}:${answer.text}`;
        const existing = known.get(key);
        if (existing) {
          existing.classList.remove('is-new');
          return existing;
        }
        const fresh = card(answer, moderation.approve);
        fresh.classList.add('is-new');
        known.set(key, fresh);
        return fresh;
      });
      for (const [key, item] of known) if (!cards.includes(item)) known.delete(key);
      wall.replaceChildren(...cards);
      // A few answers get larger type; a full wall gets three columns.
      wall.dataset.size = cards.length <= 2 ? 'few' : 'many';
      // The server sends a page of the answers, with how many there are in all.
      const approved = found?.counts?.approved ?? selection.shown.length + selection.earlier;
      const notShown = approved - selection.shown.length;
      earlier.textContent =
        notShown === 0 ? '' : notShown === 1 ? '+ 1 eerder antwoord' : `+ ${notShown} eerdere antwoorden`;
      earlier.hidden = notShown === 0;
      empty.hidden = cards.length > 0;
      queue.update(results?.round ?? 0, selection.pending, found?.counts?.pending ?? selection.pending.length);
    },
    addPending(round, answers) {
      queue.addOlder(round, answers);
    },
  };
}
