import { dutch, h } from '../client/dom.ts';
import { currentResultsOf, pollStateOf, type LiveState } from '../client/presenterState.ts';
import type { Poll } from '../shared/deck.ts';
import { OlderPending } from '../shared/pendingPages.ts';
import type { ClientMessage, PollState } from '../shared/protocol.ts';
import { wordsOf } from '../shared/pollTypes/words.ts';
import { answeredText, connectedText } from '../deck/polls/dutchText.ts';
import { countsView } from './countsTable.ts';
import { moderationSections, waitingAnswers, type Button } from './moderationPanel.ts';

// The poll of the slide on screen, in the console: its status, the numbers, the participants connected
// and answered, its buttons (each with its key), and the moderation of its answers.

export interface PollPanelActions {
  toggleOpen(poll: Poll): void;
  toggleResults(poll: Poll): void;
  newRound(poll: Poll): void;
  send(message: ClientMessage): void;
}

export const POLL_KEYS = { open: 'A', results: 'U', round: 'W', approveAll: 'Y' } as const;

/** A console button; `data-focus` lets a rebuild give the focus back to the same one. */
export const consoleButton: Button = (label, focus, onClick, kind = 'primary', describedBy = null) => {
  const button = h(
    'button',
    { type: 'button', class: `console-button ${kind}`, 'data-focus': focus, 'aria-describedby': describedBy },
    label,
  );
  button.addEventListener('click', onClick);
  return button;
};

function keyed(label: string, key: string, focus: string, onClick: () => void, kind = 'primary'): HTMLButtonElement {
  const button = consoleButton(label, focus, onClick, kind);
  button.append(' ', h('kbd', { 'aria-hidden': 'true' }, key));
  button.setAttribute('aria-keyshortcuts', key);
  return button;
}

export class PollPanel {
  /** Older waiting answers asked for with `pending` (see pendingPages). */
  private readonly older = new OlderPending();

  constructor(
    private readonly pollElement: HTMLElement,
    private readonly moderationElement: HTMLElement,
    private readonly actions: PollPanelActions,
  ) {}

  pendingPage(poll: string, round: number, answers: Parameters<OlderPending['received']>[2]): void {
    this.older.received(poll, round, answers);
  }

  /** Approves every waiting answer listed for the poll on screen (key Y). */
  approveAll(live: LiveState, poll: Poll | null): number {
    const results = poll && currentResultsOf(live, poll);
    if (!poll || !results) return 0;
    const older = this.older.of(poll.id, results.round).answers;
    const waiting = waitingAnswers({ results: results.results, older });
    for (const answer of waiting) {
      this.older.approved(answer.id, true);
      this.actions.send({ type: 'approve', poll: poll.id, answer: answer.id, approved: true });
    }
    return waiting.length;
  }

  render(live: LiveState | null, poll: Poll | null): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset.focus;
    this.pollElement.replaceChildren(...this.pollView(live, poll));
    this.moderationElement.replaceChildren(...this.moderationView(live, poll));
    this.moderationElement
      .closest('section')
      ?.toggleAttribute('hidden', this.moderationElement.childElementCount === 0);
    if (focused) document.querySelector<HTMLElement>(`.console [data-focus="${CSS.escape(focused)}"]`)?.focus();
  }

  private pollView(live: LiveState | null, poll: Poll | null): Node[] {
    if (!live) return [h('p', { class: 'hint' }, 'Zonder pollserver: de polls werken als zelfstudie.')];
    const people = h('p', { class: 'console-people' }, connectedText(live.participants));
    if (!live.room) return [h('p', {}, 'Verbinden met de pollserver…')];
    if (!poll) return [h('p', {}, 'Op deze slide staat geen poll.'), people];
    const state = pollStateOf(live, poll);
    const results = currentResultsOf(live, poll);
    return [
      h('p', { class: 'kicker' }, `${wordsOf(poll).name} · ronde ${state.round}`),
      dutch('p', poll.question, { class: 'console-question' }),
      h(
        'ul',
        { class: 'console-status' },
        h('li', { 'data-open': String(state.open) }, state.open ? 'Stemmen open' : 'Stemmen gesloten'),
        h('li', {}, state.revealed ? 'Resultaten op het scherm' : 'Resultaten verborgen'),
        h('li', {}, answeredText(results?.voters ?? 0, live.participants)),
        h('li', {}, connectedText(live.participants)),
      ),
      this.buttons(poll, state),
      ...(results && results.results.kind !== 'answers' ? countsView(poll, results.results) : []),
    ];
  }

  private buttons(poll: Poll, state: PollState): HTMLElement {
    return h(
      'div',
      { class: 'console-buttons', role: 'group', 'aria-label': 'Bediening van de poll' },
      keyed(state.open ? 'Stemmen sluiten' : 'Stemmen openen', POLL_KEYS.open, 'open', () =>
        this.actions.toggleOpen(poll),
      ),
      keyed(
        state.revealed ? 'Resultaten verbergen' : 'Resultaten tonen',
        POLL_KEYS.results,
        'reveal',
        () => this.actions.toggleResults(poll),
        'secondary',
      ),
      keyed('Nieuwe ronde…', POLL_KEYS.round, 'reset', () => this.actions.newRound(poll), 'secondary'),
    );
  }

  private moderationView(live: LiveState | null, poll: Poll | null): Node[] {
    const results = live && poll ? currentResultsOf(live, poll) : null;
    if (!poll || !results) return [];
    const loaded = this.older.of(poll.id, results.round);
    return moderationSections({
      poll,
      results: results.results,
      older: loaded.answers,
      ranges: loaded.ranges,
      button: consoleButton,
      send: (message) => {
        if (message.type === 'pending' && message.before !== undefined)
          this.older.asked(poll.id, results.round, message.before);
        // An older answer is not in the results' page: it shows its new state from here.
        if (message.type === 'approve') this.older.approved(message.answer, message.approved);
        this.actions.send(message);
      },
    });
  }
}
