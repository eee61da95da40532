import { isModerated, type Poll } from '../../shared/deck.ts';
import type { OpenAnswer, PollResults, PollState } from '../../shared/protocol.ts';
import { chartFor } from './charts/chartTypes.ts';
import { answeredText } from './dutchText.ts';
import type { PollSlide } from './pollSlides.ts';

export interface PollActions {
  toggleOpen(poll: Poll): void;
  toggleResults(poll: Poll): void;
  newRound(poll: Poll): void;
  approve(poll: Poll, answer: number, approved: boolean): void;
  /** Asks for the waiting answers older than the answer `before`. */
  loadPending(poll: Poll, before: number): void;
  removeWord(poll: Poll, word: string): void;
}

function controlButton(
  label: string,
  key: string,
  onClick: () => void,
): { button: HTMLButtonElement; text: HTMLElement } {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'poll-control';
  const text = document.createElement('span');
  text.textContent = label;
  const kbd = document.createElement('kbd');
  kbd.textContent = key;
  kbd.setAttribute('aria-hidden', 'true');
  button.append(text, kbd);
  button.setAttribute('aria-keyshortcuts', key);
  button.addEventListener('click', onClick);
  return { button, text };
}

export interface PollSlideView {
  poll: Poll;
  render(state: PollState, results: PollResults | null, participants: number): void;
  /** A page of older answers waiting for approval arrived (see PollActions.loadPending). */
  addPending(round: number, answers: readonly OpenAnswer[]): void;
}

/**
 * A poll slide in the presenter's deck with a poll server: the question with live results, and
 * beside it the join panel and the presenter's buttons. The self-study form is hidden.
 */
export function createPollSlideView(
  { poll, element }: PollSlide,
  joinPanel: HTMLElement,
  actions: PollActions,
): PollSlideView {
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
  const chart = chartFor(poll, {
    approve: (answer, approved) => actions.approve(poll, answer, approved),
    loadOlder: (before) => actions.loadPending(poll, before),
    removeWord: (word) => actions.removeWord(poll, word),
  });
  const hiddenNotice = document.createElement('p');
  hiddenNotice.className = 'poll-hidden-notice';
  hiddenNotice.textContent = 'Resultaten verborgen';
  area.append(hiddenNotice, chart.element);
  main.append(status, area);

  const side = document.createElement('aside');
  side.className = 'poll-side';
  side.setAttribute('aria-label', 'Meedoen en bediening');
  const controls = document.createElement('div');
  controls.className = 'poll-controls';
  controls.setAttribute('role', 'group');
  controls.setAttribute('aria-label', 'Bediening van de poll');
  const open = controlButton('Stemmen openen', 'A', () => actions.toggleOpen(poll));
  const reveal = controlButton('Resultaten tonen', 'U', () => actions.toggleResults(poll));
  const reset = controlButton('Nieuwe ronde', 'W', () => actions.newRound(poll));
  controls.append(open.button, reveal.button, reset.button);
  side.append(joinPanel, controls);
  element.append(side);

  return {
    poll,
    addPending(round, answers) {
      chart.addPending?.(round, answers);
    },
    render(state, results, participants) {
      element.dataset.open = String(state.open);
      element.dataset.revealed = String(state.revealed);
      element.dataset.round = String(state.round);
      badge.textContent = state.open ? 'Stemmen open' : 'Stemmen gesloten';
      answered.textContent = answeredText(results?.voters ?? 0, participants);
      round.textContent = state.round > 1 ? `Ronde ${state.round}` : '';
      round.hidden = state.round <= 1;
      open.text.textContent = state.open ? 'Stemmen sluiten' : 'Stemmen openen';
      reveal.text.textContent = state.revealed ? 'Resultaten verbergen' : 'Resultaten tonen';
      // Hidden results stay off the big screen and out of the text alternative: the chart shows the
      // options only. Open answers still reach the moderation list, which only the presenter opens.
      const concealed = !state.revealed;
      chart.element.classList.toggle('is-concealed', concealed);
      hiddenNotice.hidden = !concealed;
      chart.update({ results: concealed && !isModerated(poll) ? null : results, concealed });
    },
  };
}
