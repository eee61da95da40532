import { dutch, h } from '../client/dom.ts';
import { currentResultsOf, pollStateOf, type LiveState } from '../client/presenterState.ts';
import type { Poll } from '../shared/deck.ts';
import { OlderPending } from '../shared/pendingPages.ts';
import type { ClientMessage, OpenAnswer, PollState } from '../shared/protocol.ts';
import { wordsOf } from '../shared/pollTypes/words.ts';
import { answeredText, connectedText } from '../deck/polls/dutchText.ts';
import { consoleButton, keyedButton } from './consoleButtons.ts';
import { countsView } from './countsTable.ts';
import { MODERATION_FOCUS, moderationSections, waitingAnswers } from './moderationPanel.ts';

// The poll of the slide on screen, in the console: its status, the numbers, the participants connected
// and answered, its buttons (each with its key), and the moderation of its answers.

export interface PollPanelActions {
  toggleOpen(poll: Poll): void;
  toggleResults(poll: Poll): void;
  newRound(poll: Poll): void;
  send(message: ClientMessage): void;
}

export const POLL_KEYS = { open: 'A', results: 'U', round: 'W', approveAll: 'Y', approve: 'G', reject: 'X' } as const;

function keyed(label: string, key: string, focus: string, onClick: () => void, kind = 'primary'): HTMLButtonElement {
  return keyedButton(label, key, onClick, { className: `console-button ${kind}`, focus });
}

const findFocus = (focus: string) =>
  document.querySelector<HTMLElement>(`.console [data-focus="${CSS.escape(focus)}"]`);

/**
 * A moderated answer left the list (or changed its buttons): the keyboard goes on with the same button of
 * the oldest answer still waiting, never with one on the screen.
 */
function nextInQueue(focused: string): HTMLElement | null {
  const kind = Object.values(MODERATION_FOCUS).find((prefix) => focused.startsWith(prefix));
  if (!kind) return null;
  return (
    document.querySelector<HTMLElement>(`.console-moderation li.waiting [data-focus^="${kind}"]`) ??
    document.querySelector<HTMLElement>('.console-moderation h3')
  );
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
    const waiting = this.waiting(live, poll);
    if (poll) for (const answer of waiting) this.moderate(poll, answer.id, true);
    return waiting.length;
  }

  /** Approves or rejects the oldest waiting answer listed (keys G and X); the answer, or null. */
  moderateOldest(live: LiveState, poll: Poll | null, approved: boolean): OpenAnswer | null {
    const [oldest] = this.waiting(live, poll);
    if (!poll || !oldest) return null;
    this.moderate(poll, oldest.id, approved);
    return oldest;
  }

  private waiting(live: LiveState, poll: Poll | null): OpenAnswer[] {
    const results = poll && currentResultsOf(live, poll);
    if (!poll || !results) return [];
    return waitingAnswers({ results: results.results, older: this.older.of(poll.id, results.round).answers });
  }

  private moderate(poll: Poll, answer: number, approved: boolean): void {
    // An older answer is not in the results' page: it shows its new state from here.
    this.older.moderated(answer, approved);
    this.actions.send({ type: 'approve', poll: poll.id, answer, approved });
  }

  render(live: LiveState | null, poll: Poll | null): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset.focus;
    this.pollElement.replaceChildren(...this.pollView(live, poll));
    this.moderationElement.replaceChildren(...this.moderationView(live, poll));
    this.moderationElement
      .closest('section')
      ?.toggleAttribute('hidden', this.moderationElement.childElementCount === 0);
    if (focused) (findFocus(focused) ?? nextInQueue(focused))?.focus();
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
        if (message.type === 'approve') this.moderate(poll, message.answer, message.approved);
        else this.actions.send(message);
      },
    });
  }
}
