import type { Poll } from '../shared/deck.ts';
import type { ClientMessage, ErrorCode, PollResults, PollState, ServerMessage } from '../shared/protocol.ts';
import { reconnectDelay } from '../shared/backoff.ts';
import { openConnection, type Connection, type ConnectionStatus } from './connection.ts';
import { downloadsSection } from './controlDownloads.ts';
import { tabStorage, takeControlLink, type ControlLink } from './controlLink.ts';
import { moderationSections } from './controlModeration.ts';
import { OlderPending } from '../shared/pendingPages.ts';
import { fetchPolls } from './deckPolls.ts';
import { dutch, h } from './dom.ts';
import { pollSocketUrl } from '../shared/protocolLimits.ts';
import { hasPollServer } from './pollServer.ts';
import { countsView } from './controlCounts.ts';
import { wordsOf } from '../shared/pollTypes/words.ts';

export interface ControlElements {
  content: HTMLElement;
  connection: HTMLElement;
  roomCode: HTMLElement;
}

const ERRORS: Partial<Record<ErrorCode, string>> = {
  'not-presenter':
    'Deze link werkt niet (meer). Misschien is er een nieuwe link gemaakt. Scan de code opnieuw in de presentatie: Trainer, Bediening op telefoon.',
  'unknown-room': 'Deze code bestaat niet (meer). Open de afstandsbediening opnieuw vanuit de presentatie.',
  'rate-limited': 'Even wachten: er gaat te veel tegelijk. Probeer het zo opnieuw.',
  'unknown-answer': 'Dit antwoord bestaat niet meer.',
  'already-joined': 'Deze verbinding hoort al bij een andere sessie. Laad de pagina opnieuw.',
};

/**
 * The presenter's remote on a phone: the poll the deck shows, its numbers, and the buttons to open and
 * close voting, reveal results, start a new round and approve open answers. Dutch only: it is the
 * trainer's tool.
 */
export class ControlApp {
  private connection: Connection | null = null;
  private status: ConnectionStatus = 'connecting';
  private joined = false;
  private fatal: string | null = null;
  private notice = '';
  private polls: Map<string, Poll> | null = null;
  private current: PollState | null = null;
  private states = new Map<string, PollState>();
  private results = new Map<string, PollResults>();
  private participants = 0;
  private confirmingReset = false;
  /** Older waiting answers asked for with `pending` (see pendingPages). */
  private readonly older = new OlderPending();
  private nextRef = 1;
  private link: ControlLink | null = null;

  constructor(private readonly elements: ControlElements) {}

  start(): void {
    if (!hasPollServer()) {
      this.showFatal('De afstandsbediening werkt alleen via de server van de trainer (npm start).');
      return;
    }
    const params = takeControlLink(window.location, window.history, tabStorage());
    if (!params) {
      this.showFatal('Deze link is niet compleet. Open de afstandsbediening opnieuw vanuit de presentatie.');
      return;
    }
    this.link = params;
    this.elements.roomCode.textContent = `Afstandsbediening · code ${params.room}`;
    void this.loadPolls(0);
    this.connection = openConnection({
      url: pollSocketUrl(window.location),
      onOpen: () => this.send({ type: 'present', room: params.room, key: params.token }),
      onMessage: (message) => this.receive(message),
      onStatus: (status) => {
        this.status = status;
        this.render();
      },
    });
    this.render();
  }

  private async loadPolls(attempt: number): Promise<void> {
    try {
      this.polls = await fetchPolls();
    } catch {
      setTimeout(() => void this.loadPolls(attempt + 1), reconnectDelay(attempt));
    }
    this.render();
  }

  private send(message: ClientMessage): void {
    if (!this.connection?.send({ ...message, ref: this.nextRef++ })) {
      this.notice = 'Er is geen verbinding. Probeer het zo opnieuw.';
      this.render();
    }
  }

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.joined = true;
        this.current = message.current;
        this.states = new Map(message.polls.map((state) => [state.poll, state]));
        this.results = new Map(message.results.map((results) => [results.poll, results]));
        this.participants = message.participants;
        this.notice = '';
        break;
      case 'state':
        this.current = message.current;
        this.states.set(message.changed.poll, message.changed);
        break;
      case 'results':
        this.results.set(message.results.poll, message.results);
        break;
      case 'presence':
        this.participants = message.participants;
        break;
      case 'ok':
        // The last request worked: an earlier complaint no longer applies.
        this.notice = '';
        break;
      case 'pending-page':
        this.older.received(message.poll, message.round, message.answers);
        break;
      case 'error':
        if (message.code === 'not-presenter' || message.code === 'unknown-room') {
          this.connection?.stop();
          this.showFatal(ERRORS[message.code] ?? message.message);
          return;
        }
        this.notice = ERRORS[message.code] ?? `Dat lukte niet: ${message.message}`;
        break;
      default:
        return;
    }
    this.render();
  }

  private showFatal(text: string): void {
    this.fatal = text;
    this.elements.connection.textContent = '';
    this.elements.content.replaceChildren(
      h('section', { class: 'message' }, h('h1', {}, 'Dit lukt niet'), h('p', {}, text)),
    );
  }

  private render(): void {
    if (this.fatal) return;
    // The first connection shows in the content area ("Verbinden…"); the banner is for a lost one.
    this.elements.connection.textContent =
      this.status === 'reconnecting' ? 'De verbinding is weg. We proberen het opnieuw…' : this.notice;
    // Rebuilding moves focus away: give it back to the same control, so a tap or key press is never lost.
    const focused = (document.activeElement as HTMLElement | null)?.dataset.focus;
    this.elements.content.replaceChildren(...this.view());
    if (focused) this.elements.content.querySelector<HTMLElement>(`[data-focus="${focused}"]`)?.focus();
  }

  private view(): Node[] {
    if (!this.joined || !this.polls) return [h('p', {}, 'Verbinden…')];
    const people = h('p', { class: 'numbers' }, `Deelnemers verbonden: ${this.participants}`);
    const current = this.current;
    const poll = current && this.polls.get(current.poll);
    if (!current || !poll) {
      return [
        h('h1', {}, 'Geen vraag op het scherm'),
        h('p', {}, 'Ga in de presentatie naar een dia met een vraag.'),
        people,
        ...this.downloads(),
      ];
    }
    const state = this.states.get(current.poll) ?? current;
    const results = this.results.get(current.poll);
    const roundResults = results && results.round === state.round ? results : null;
    return [
      h('p', { class: 'kicker' }, `Vraag · ${wordsOf(poll).name} · ronde ${state.round}`),
      h('h1', {}, dutch('span', poll.question)),
      h(
        'ul',
        { class: 'poll-status' },
        h('li', {}, `Stemmen: ${state.open ? 'open' : 'gesloten'}`),
        h('li', {}, `Uitslag voor deelnemers: ${state.revealed ? 'zichtbaar' : 'verborgen'}`),
        h('li', {}, `Antwoorden: ${roundResults?.voters ?? 0}`),
        h('li', {}, `Deelnemers verbonden: ${this.participants}`),
      ),
      ...this.actions(poll, state),
      ...this.numbers(poll, roundResults),
      ...this.downloads(),
    ];
  }

  private downloads(): Node[] {
    if (!this.link) return [];
    const section = downloadsSection(
      this.link,
      (label, focus, onClick) => this.button(label, focus, onClick, 'secondary'),
      (notice) => {
        this.notice = notice;
        this.render();
      },
    );
    return [section];
  }

  private button(
    label: string,
    focus: string,
    onClick: () => void,
    kind = 'primary',
    describedBy: string | null = null,
  ): HTMLButtonElement {
    const button = h(
      'button',
      { type: 'button', class: kind, 'data-focus': focus, 'aria-describedby': describedBy },
      label,
    );
    button.addEventListener('click', onClick);
    return button;
  }

  private actions(poll: Poll, state: PollState): Node[] {
    const toggleOpen = this.button(state.open ? 'Stemmen sluiten' : 'Stemmen openen', 'open', () =>
      this.send({ type: state.open ? 'close' : 'open', poll: poll.id }),
    );
    const toggleReveal = this.button(
      state.revealed ? 'Uitslag verbergen' : 'Uitslag tonen',
      'reveal',
      () => this.send({ type: 'reveal', poll: poll.id, revealed: !state.revealed }),
      'secondary',
    );
    if (!this.confirmingReset) {
      const reset = this.button(
        'Nieuwe ronde…',
        'reset',
        () => {
          this.confirmingReset = true;
          this.render();
          this.elements.content.querySelector<HTMLElement>('[data-focus="reset-cancel"]')?.focus();
        },
        'secondary',
      );
      return [h('div', { class: 'actions' }, toggleOpen, toggleReveal, reset)];
    }
    const finish = (): void => {
      this.confirmingReset = false;
      this.render();
      this.elements.content.querySelector<HTMLElement>('[data-focus="reset"]')?.focus();
    };
    const confirm = h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': 'reset-question' },
      h(
        'p',
        { id: 'reset-question' },
        'Een nieuwe ronde starten? De antwoorden van nu blijven bewaard voor de export.',
      ),
      this.button('Ja, nieuwe ronde', 'reset-yes', () => {
        this.send({ type: 'reset', poll: poll.id });
        finish();
      }),
      this.button('Annuleren', 'reset-cancel', finish, 'secondary'),
    );
    return [h('div', { class: 'actions' }, toggleOpen, toggleReveal), confirm];
  }

  private numbers(poll: Poll, pollResults: PollResults | null): Node[] {
    if (!pollResults) return [h('p', { class: 'hint' }, 'Nog geen antwoorden in deze ronde.')];
    const { results } = pollResults;
    const loaded = this.older.of(poll.id, pollResults.round);
    const moderation = moderationSections({
      poll,
      results,
      older: loaded.answers,
      ranges: loaded.ranges,
      button: (...args) => this.button(...args),
      send: (message) => {
        if (message.type === 'pending' && message.before !== undefined)
          this.older.asked(poll.id, pollResults.round, message.before);
        // An older answer is not in the results' page: it shows its new state from here.
        if (message.type === 'approve') this.older.approved(message.answer, message.approved);
        this.send(message);
      },
    });
    if (results.kind === 'answers') return moderation;
    return [...countsView(poll, results), ...moderation];
  }
}
