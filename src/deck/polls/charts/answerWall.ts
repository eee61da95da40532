import type { OpenAnswer } from '../../../shared/protocol.ts';
import { wallSelection } from './answerWallSelection.ts';
import type { Chart, ChartData } from './chart.ts';
import { html, participantText } from './svg.ts';

/** How many answers fit on the wall beside the QR code. */
const WALL_LIMIT = 6;

/** The answer's text, under its group's name for a group answer. Always text, never markup. */
function card(answer: OpenAnswer): HTMLLIElement {
  const item = html('li');
  item.dataset.answer = String(answer.id);
  const text = participantText('p', 'answer-text', answer.text);
  item.append(...(answer.group ? [participantText('p', 'answer-group', answer.group), text] : [text]));
  return item;
}

/**
 * The answer wall of an open question or of group answers: approved answers as cards. The presenter
 * approves waiting answers in the console, so nothing shows on the big screen before they have read it.
 */
export function createAnswerWall(): Chart {
  const element = html('div', 'poll-chart poll-chart-wall');
  const wall = html('ul', 'answer-wall');
  wall.setAttribute('aria-label', 'Antwoorden op het scherm');
  const earlier = html('p', 'answer-wall-more');
  const empty = html('p', 'poll-chart-empty', 'Nog geen antwoorden op het scherm');
  element.append(wall, earlier, empty);
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
        const fresh = card(answer);
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
    },
  };
}
