import type { PollResults, PollState } from '../../shared/protocol.ts';
import type { Poll } from '../../shared/deck.ts';
import { audienceResults } from '../../client/audienceResults.ts';
import { chartFor } from './charts/chartTypes.ts';
import { answeredText } from './dutchText.ts';
import type { PollSlide } from './pollSlides.ts';

export interface PollSlideView {
  poll: Poll;
  render(state: PollState, results: PollResults | null, participants: number): void;
}

/**
 * A poll slide with a poll server, as the room sees it: the question with live results, and beside it
 * the join panel. No buttons and no waiting answers: the presenter runs the poll from the console, and
 * an answer that waits for approval never reaches this page's DOM (audienceResults). The self-study
 * form is hidden.
 */
export function createPollSlideView({ poll, element }: PollSlide, joinPanel: HTMLElement): PollSlideView {
  element.classList.add('is-live');
  const main = element.querySelector<HTMLElement>('.poll-main') ?? element;

  const status = document.createElement('p');
  status.className = 'poll-status';
  const badge = document.createElement('span');
  badge.className = 'poll-badge';
  const answered = document.createElement('span');
  answered.className = 'poll-answered';
  const round = document.createElement('span');
  round.className = 'poll-round';
  status.append(badge, answered, round);

  const area = document.createElement('div');
  area.className = 'poll-results';
  const chart = chartFor(poll);
  const hiddenNotice = document.createElement('p');
  hiddenNotice.className = 'poll-hidden-notice';
  hiddenNotice.textContent = 'Resultaten verborgen';
  area.append(hiddenNotice, chart.element);
  main.append(status, area);

  const side = document.createElement('aside');
  side.className = 'poll-side';
  side.setAttribute('aria-label', 'Meedoen');
  side.append(joinPanel);
  element.append(side);

  return {
    poll,
    render(state, results, participants) {
      element.dataset.open = String(state.open);
      element.dataset.revealed = String(state.revealed);
      element.dataset.round = String(state.round);
      badge.textContent = state.open ? 'Stemmen open' : 'Stemmen gesloten';
      answered.textContent = answeredText(results?.voters ?? 0, participants);
      round.textContent = state.round > 1 ? `Ronde ${state.round}` : '';
      round.hidden = state.round <= 1;
      // Hidden results stay off the big screen and out of the text alternative: the chart shows the
      // options only.
      const concealed = !state.revealed;
      chart.element.classList.toggle('is-concealed', concealed);
      hiddenNotice.hidden = !concealed;
      chart.update({ results: concealed || !results ? null : audienceResults(results), concealed });
    },
  };
}
