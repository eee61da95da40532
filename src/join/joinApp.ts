import type { ErrorCode, ServerMessage, VoteValue } from '../shared/protocol.ts';
import {
  applyParticipantEvent,
  INITIAL_PARTICIPANT_STATE,
  voteKey,
  type ParticipantEvent,
  type ParticipantState,
} from '../client/participantState.ts';
import { participantView, shownResults } from '../client/participantView.ts';
import { readPollServerConfig } from '../client/pollServerConfig.ts';
import { loadPolls } from '../client/pollsFile.ts';
import { ReconnectingSocket } from '../client/reconnectingSocket.ts';
import { CountdownView } from './countdownView.ts';
import { codeFromLocation, isJoinCode, normaliseCode } from '../client/joinCode.ts';
import type { MessageKey } from './i18n.ts';
import type { PageLanguage } from './language.ts';
import { ParticipantJoin } from './participantJoin.ts';
import { ParticipantContent } from './participantContent.ts';
import { pollSocketUrl } from '../shared/protocolLimits.ts';
import { resultsView } from './views.ts';
import { safeLocalStorage } from './participant.ts';
import { takeHomeKey } from './takeHome/takeHomeKey.ts';

type TakeHome = typeof import('./takeHome/takeHome.ts');

export interface JoinElements {
  /** Where the code, the waiting message or the poll goes. */
  content: HTMLElement;
  /** Revealed results, under the poll. */
  results: HTMLElement;
  /** The visible connection state (a live region). */
  connection: HTMLElement;
  /** Hidden live region for changes elsewhere on the page. */
  announcer: HTMLElement;
  /** The room's code in the header. */
  roomCode: HTMLElement;
  /** The group exercise's countdown, above the poll. */
  countdown: HTMLElement;
}

const ERROR_TEXT: Partial<Record<ErrorCode, MessageKey>> = {
  'rate-limited': 'error-rate-limited',
  'poll-closed': 'error-poll-closed',
  'bad-vote': 'error-bad-vote',
  'bad-text': 'error-bad-text',
  'unknown-poll': 'error-unknown-poll',
  'not-current': 'error-not-current',
  'identity-limit': 'error-identity-limit',
  unavailable: 'error-unavailable',
};

/**
 * The participant's phone, a shell on the client core: joins the room, shows the poll the presenter is
 * on and sends the vote. Everything it shows comes from `ParticipantState` (the server's snapshot and
 * the messages after it); a reconnect starts again from a fresh snapshot.
 */
export class JoinApp {
  private state: ParticipantState = INITIAL_PARTICIPANT_STATE;
  /** What the code field held, to give it back after a refused code. */
  private typedCode = '';
  private socket: ReconnectingSocket | null = null;
  private joining: ParticipantJoin | null = null;
  private nextRef = 1;
  private readonly content: ParticipantContent;
  private readonly countdown: CountdownView;
  /** The take-home (src/join/takeHome), loaded once there is an answer to take home: not for the first poll. */
  private takeHome: Promise<TakeHome> | null = null;

  constructor(
    private readonly elements: JoinElements,
    private readonly language: PageLanguage,
  ) {
    this.content = new ParticipantContent(elements.content, language, {
      typedCode: () => this.typedCode,
      submitCode: (typed) => this.submitCode(typed),
      edit: () => this.dispatch({ type: 'edit' }),
      draft: (key, value) => (this.state = applyParticipantEvent(this.state, { type: 'draft', key, value })),
      vote: (value) => this.vote(value),
      announce: (text) => this.announce(text),
    });
    this.countdown = new CountdownView(elements.countdown, language.t, (text) => this.announce(text));
    language.onChange(() => {
      this.countdown.refresh();
      this.render();
    });
  }

  start(): void {
    if (readPollServerConfig().mode !== 'live') {
      // Self-study: a static host or a file. No server to ask, so no requests at all.
      this.dispatch({ type: 'self-study' });
      return;
    }
    void loadPolls((polls) => this.dispatch({ type: 'polls', polls }));
    const code = codeFromLocation(window.location);
    if (code) this.enter(code);
    else this.render();
  }

  private dispatch(event: ParticipantEvent): void {
    const before = this.state;
    this.state = applyParticipantEvent(before, event);
    if (this.state === before) return;
    if (before.pending && !this.state.pending) this.content.pollForm?.setBusy(false);
    this.render();
  }

  private enter(code: string): void {
    this.joining?.stop();
    const joining = new ParticipantJoin(
      code,
      (message) => this.socket?.send(message),
      () => this.nextRef++,
    );
    this.joining = joining;
    this.socket = new ReconnectingSocket(pollSocketUrl(window.location), {
      open: () => joining.join(),
      message: (message) => this.receive(message),
      close: () => this.dispatch({ type: 'closed' }),
    });
    this.dispatch({ type: 'enter', code });
    this.socket.connect();
    if (safeLocalStorage()?.getItem(takeHomeKey(code))) {
      this.loadTakeHome()
        .then(() => this.renderTakeHome())
        .catch(() => undefined);
    }
  }

  private loadTakeHome(): Promise<TakeHome> {
    this.takeHome ??= import('./takeHome/takeHome.ts').catch(() => {
      // Offline while loading it: the next answer tries again.
      this.takeHome = null;
      return Promise.reject(new Error('take-home not loaded'));
    });
    return this.takeHome;
  }

  private renderTakeHome(): void {
    const { results } = this.elements;
    void this.takeHome
      ?.then((takeHome) => takeHome.render(results, this.state, this.language.current, (text) => this.announce(text)))
      .catch(() => undefined);
  }

  private receive(message: ServerMessage): void {
    const before = this.state;
    switch (message.type) {
      case 'snapshot':
        this.joining?.joined(message.identity);
        this.countdown.set(message.timer);
        // Back after a lost connection: say so (the banner goes away without a word otherwise).
        if (before.joined && before.status === 'offline') this.announce(this.language.t('reconnected'));
        break;
      case 'timer':
        this.countdown.set(message.timer);
        return;
      case 'ack':
        if (before.pending?.key === voteKey(message)) this.content.confirmNext();
        if (before.code) {
          const room = before.code;
          this.loadTakeHome()
            .then((takeHome) => {
              takeHome.remember(room, message);
              this.renderTakeHome();
            })
            .catch(() => undefined);
        }
        break;
      case 'error':
        if (this.refused(message.code, message.ref)) return;
        break;
    }
    this.dispatch({ type: 'server', message });
  }

  /** Errors the phone handles before the state sees them; true when nothing more is to be done. */
  private refused(code: ErrorCode, ref: number | undefined): boolean {
    const refused = this.joining?.refused(code, ref);
    if (refused?.retrying) {
      // Too many new phones at once: say so, in the banner too, until the join works.
      if (refused.waiting) {
        this.announce(this.language.t(ERROR_TEXT[code] ?? 'error-other'));
        this.dispatch({ type: 'join-refused', code });
      }
      return true;
    }
    if (code === 'unknown-room') {
      this.socket?.stop();
      this.socket = null;
      this.joining?.stop();
      this.joining = null;
      this.typedCode = this.state.code ?? '';
      return false;
    }
    const text = this.language.t(ERROR_TEXT[code] ?? 'error-other');
    if (this.state.pending && ref === this.state.pending.ref) this.content.pollForm?.showError(text);
    else this.announce(text);
    return false;
  }

  private submitCode(typed: string): void {
    const code = normaliseCode(typed);
    this.typedCode = typed;
    if (!isJoinCode(code)) {
      this.content.redraw();
      this.dispatch({ type: 'code-invalid' });
      this.elements.content.querySelector('input')?.focus();
      return;
    }
    // The address bar gets the short join address, so a reload comes back to this room.
    history.replaceState(null, '', `./${code}`);
    this.enter(code);
  }

  private vote(value: VoteValue): void {
    const { current, pending } = this.state;
    if (!current || pending) return;
    const ref = this.nextRef++;
    if (!this.socket?.send({ type: 'vote', ref, poll: current.poll, value })) {
      this.content.pollForm?.showError(this.language.t('offline'));
      return;
    }
    this.state = applyParticipantEvent(this.state, { type: 'vote-sent', ref });
    this.content.pollForm?.setBusy(true);
  }

  private announce(text: string): void {
    // A change of text is what a live region reads; clearing first lets the same words be read twice.
    this.elements.announcer.textContent = '';
    setTimeout(() => (this.elements.announcer.textContent = text), 50);
  }

  private renderConnection(): void {
    const { t } = this.language;
    const { connection, roomCode } = this.elements;
    const { code, status, joinRefused } = this.state;
    roomCode.textContent = code ? t('roomCode', { code }) : '';
    // The first connection shows in the content area ("Verbinden…"); the banner is for a lost one.
    connection.textContent = !code
      ? ''
      : joinRefused
        ? t(ERROR_TEXT[joinRefused] ?? 'error-other')
        : status === 'offline'
          ? t('reconnecting')
          : '';
  }

  private render(): void {
    this.content.render(participantView(this.state), this.state);
    this.renderConnection();
    this.renderResults();
    this.renderTakeHome();
  }

  private renderResults(): void {
    const shown = shownResults(this.state);
    this.elements.results.replaceChildren(...(shown ? [resultsView(this.language.t, shown.poll, shown.results)] : []));
  }
}
