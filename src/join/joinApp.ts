import type { Poll } from '../shared/deck.ts';
import type { ErrorCode, PollResults, PollState, ServerMessage, VoteValue } from '../shared/protocol.ts';
import { reconnectDelay } from '../shared/backoff.ts';
import { openConnection, type Connection, type ConnectionStatus } from './connection.ts';
import { fetchPolls } from './deckPolls.ts';
import { CountdownView } from './countdownView.ts';
import { codeFromLocation, isJoinCode, normaliseCode } from './joinCode.ts';
import type { MessageKey } from './i18n.ts';
import type { PageLanguage } from './language.ts';
import { ParticipantJoin } from './participantJoin.ts';
import { buildPollForm, type PollForm } from './pollForm.ts';
import { pollSocketUrl } from '../shared/protocolLimits.ts';
import { hasPollServer } from './pollServer.ts';
import { closedView, codeFormView, messageView, resultsView, votedView } from './views.ts';

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
};

const voteKey = (state: Pick<PollState, 'poll' | 'round'>): string => `${state.poll}#${state.round}`;

/**
 * The participant's phone: joins the room, shows the poll the presenter is on and sends the vote.
 * Everything it shows comes from the server's snapshot and the messages after it; a reconnect starts
 * again from a fresh snapshot.
 */
export class JoinApp {
  /** No poll server serves this page (static host, file): self-study, no requests. */
  private selfStudy = false;
  private code: string | null = null;
  private typedCode = '';
  private codeError: MessageKey | null = null;
  private connection: Connection | null = null;
  private joining: ParticipantJoin | null = null;
  /** The last join was refused for now (too many new phones at once): the banner says so until it works. */
  private joinRefused: MessageKey | null = null;
  private status: ConnectionStatus = 'connecting';
  private joined = false;
  private lostConnection = false;
  private polls: Map<string, Poll> | null = null;
  private deckFailed = false;
  private current: PollState | null = null;
  /** Acknowledged votes of this page's life, by poll and round; a snapshot replaces them. */
  private votes = new Map<string, VoteValue>();
  private drafts = new Map<string, VoteValue | null>();
  private results = new Map<string, PollResults>();
  private editing = false;
  private pending: { ref: number; key: string } | null = null;
  private nextRef = 1;
  private form: PollForm | null = null;
  private renderedKey = '';
  /** The room view on screen: `waiting`, a poll round's key, or null before the first one. */
  private shownView: string | null = null;
  private focusConfirmation = false;
  private readonly countdown: CountdownView;

  constructor(
    private readonly elements: JoinElements,
    private readonly language: PageLanguage,
  ) {
    this.countdown = new CountdownView(elements.countdown, language.t, (text) => this.announce(text));
    language.onChange(() => {
      this.countdown.refresh();
      this.render();
    });
  }

  start(): void {
    if (!hasPollServer()) {
      // Self-study: a static host or a file. No server to ask, so no requests at all.
      this.selfStudy = true;
      this.render();
      return;
    }
    void this.loadPolls(0);
    const code = codeFromLocation(window.location);
    if (code) this.enter(code);
    else this.render();
  }

  private async loadPolls(attempt: number): Promise<void> {
    try {
      this.polls = await fetchPolls();
      this.deckFailed = false;
    } catch {
      this.deckFailed = true;
      setTimeout(() => void this.loadPolls(attempt + 1), reconnectDelay(attempt));
    }
    this.render();
  }

  private enter(code: string): void {
    this.code = code;
    this.codeError = null;
    this.joined = false;
    this.joining?.stop();
    const joining = new ParticipantJoin(
      code,
      (message) => this.connection?.send(message),
      () => this.ref(),
    );
    this.joining = joining;
    this.connection = openConnection({
      url: pollSocketUrl(window.location),
      onOpen: () => joining.join(),
      onMessage: (message) => this.receive(message),
      onStatus: (status) => {
        this.status = status;
        if (status === 'reconnecting' && this.joined) this.lostConnection = true;
        this.renderConnection();
      },
    });
    this.render();
  }

  private ref(): number {
    return this.nextRef++;
  }

  private receive(message: ServerMessage): void {
    switch (message.type) {
      case 'snapshot':
        this.joined = true;
        this.joining?.joined(message.identity);
        this.joinRefused = null;
        this.current = message.current;
        this.votes = new Map();
        if (message.current && message.myVote !== null) this.votes.set(voteKey(message.current), message.myVote);
        this.results = new Map(message.results.map((results) => [results.poll, results]));
        this.countdown.set(message.timer);
        this.clearPending();
        if (this.lostConnection) this.announce(this.language.t('reconnected'));
        this.lostConnection = false;
        this.renderConnection();
        break;
      case 'state':
        this.current = message.current;
        break;
      case 'results':
        this.results.set(message.results.poll, message.results);
        break;
      case 'timer':
        this.countdown.set(message.timer);
        return;
      case 'ack':
        if (this.pending?.key === voteKey(message)) {
          this.votes.set(this.pending.key, message.value);
          this.drafts.delete(this.pending.key);
          this.pending = null;
          this.editing = false;
          this.focusConfirmation = true;
        }
        break;
      case 'error':
        this.receiveError(message.code, message.ref);
        break;
      default:
        return;
    }
    this.render();
  }

  private receiveError(code: ErrorCode, ref: number | undefined): void {
    const refused = this.joining?.refused(code, ref);
    if (refused?.retrying) {
      // Too many new phones at once: say so, in the banner too, until the join works.
      if (refused.waiting) {
        this.joinRefused = ERROR_TEXT[code] ?? 'error-other';
        this.announce(this.language.t(this.joinRefused));
        this.renderConnection();
      }
      return;
    }
    if (code === 'unknown-room') {
      this.connection?.stop();
      this.connection = null;
      this.joining?.stop();
      this.joining = null;
      this.typedCode = this.code ?? '';
      this.code = null;
      this.codeError = 'unknownRoom';
      this.status = 'connecting';
      this.renderConnection();
      return;
    }
    const text = this.language.t(ERROR_TEXT[code] ?? 'error-other');
    if (this.pending && ref === this.pending.ref) {
      this.clearPending();
      this.form?.showError(text);
    } else {
      this.announce(text);
    }
  }

  private clearPending(): void {
    this.pending = null;
    this.form?.setBusy(false);
  }

  private submitCode(typed: string): void {
    const code = normaliseCode(typed);
    this.typedCode = typed;
    if (!isJoinCode(code)) {
      this.codeError = 'codeInvalid';
      this.renderedKey = '';
      this.render();
      this.elements.content.querySelector('input')?.focus();
      return;
    }
    // The address bar gets the short join address, so a reload comes back to this room.
    history.replaceState(null, '', `./${code}`);
    this.enter(code);
  }

  private vote(value: VoteValue): void {
    const current = this.current;
    if (!current || this.pending) return;
    const ref = this.ref();
    if (!this.connection?.send({ type: 'vote', ref, poll: current.poll, value })) {
      this.form?.showError(this.language.t('offline'));
      return;
    }
    this.pending = { ref, key: voteKey(current) };
    this.form?.setBusy(true);
  }

  private announce(text: string): void {
    // A change of text is what a live region reads; clearing first lets the same words be read twice.
    this.elements.announcer.textContent = '';
    setTimeout(() => (this.elements.announcer.textContent = text), 50);
  }

  private renderConnection(): void {
    const { t } = this.language;
    const { connection, roomCode } = this.elements;
    roomCode.textContent = this.code ? t('roomCode', { code: this.code }) : '';
    // The first connection shows in the content area ("Verbinden…"); the banner is for a lost one.
    connection.textContent =
      this.code && this.status === 'reconnecting'
        ? t('reconnecting')
        : this.code && this.joinRefused
          ? t(this.joinRefused)
          : '';
  }

  /** What the content area shows; it is rebuilt only when this changes, so typing is never wiped. */
  private viewKey(): string {
    if (this.selfStudy) return `${this.language.current}|self-study`;
    const parts = [this.language.current, this.code ?? `code:${this.codeError}`];
    if (this.code) {
      const current = this.current;
      const poll = current && this.polls?.get(current.poll);
      if (!this.joined) parts.push('joining');
      else if (!this.polls) parts.push(this.deckFailed ? 'deck-failed' : 'deck-loading');
      else if (!current || !poll) parts.push('waiting');
      else {
        const key = voteKey(current);
        const mode = !current.open ? 'closed' : this.votes.has(key) && !this.editing ? 'voted' : 'form';
        parts.push(key, mode, mode === 'closed' ? JSON.stringify(this.votes.get(key) ?? null) : '');
      }
    }
    return parts.join('|');
  }

  private render(): void {
    const key = this.viewKey();
    if (key !== this.renderedKey) {
      this.renderedKey = key;
      this.renderContent();
    }
    this.renderConnection();
    this.renderResults();
  }

  private renderContent(): void {
    const { t } = this.language;
    const { content } = this.elements;
    const hadFocus = content.contains(document.activeElement);
    this.form = null;
    if (this.selfStudy) {
      content.replaceChildren(messageView(t, 'noServerTitle', 'noServer'));
      return;
    }
    if (!this.code) {
      content.replaceChildren(
        codeFormView(t, { value: this.typedCode, error: this.codeError, onSubmit: (typed) => this.submitCode(typed) }),
      );
      return;
    }
    const current = this.current;
    const poll = current && this.polls?.get(current.poll);
    if (!this.joined) {
      content.replaceChildren(messageView(t, 'connecting', 'waitingText'));
      return;
    }
    if (!this.polls) {
      content.replaceChildren(messageView(t, this.deckFailed ? 'deckFailed' : 'connecting', 'waitingText'));
      return;
    }
    if (!current || !poll) {
      this.shownView = 'waiting';
      content.replaceChildren(messageView(t, 'waitingTitle', 'waitingText', 'joined'));
      this.focusHeading(hadFocus);
      return;
    }
    const key = voteKey(current);
    if (this.shownView !== key) {
      // The presenter moved on: say so, unless focus moves to the new question (then it is read anyway)
      // or this is the first thing shown after joining.
      if (this.shownView !== null && !hadFocus) this.announce(t('newQuestion', { question: poll.question }));
      this.shownView = key;
      this.editing = false;
    }
    const vote = this.votes.get(key) ?? null;
    if (!current.open) {
      content.replaceChildren(closedView(t, { poll, vote }));
      this.focusHeading(hadFocus);
    } else if (vote !== null && !this.editing) {
      const voted = votedView(t, {
        poll,
        vote,
        onChange: () => {
          this.editing = true;
          this.render();
          // Back on the form, the keyboard lands where Tab would: on the chosen option if there is one.
          const chosen = content.querySelector<HTMLElement>('input:checked');
          (chosen ?? content.querySelector<HTMLElement>('input, textarea, button:not([disabled])'))?.focus();
        },
      });
      content.replaceChildren(voted.element);
      if (this.focusConfirmation) voted.focusTarget.focus();
      else this.focusHeading(hadFocus);
    } else {
      this.form = buildPollForm({
        poll,
        start: this.drafts.has(key) ? (this.drafts.get(key) ?? null) : vote,
        t,
        onDraft: (value) => this.drafts.set(key, value),
        onSubmit: (value) => this.vote(value),
        announce: (text) => this.announce(text),
      });
      if (this.pending) this.form.setBusy(true);
      content.replaceChildren(this.form.element);
      this.focusHeading(hadFocus);
    }
    this.focusConfirmation = false;
  }

  /** When the presenter's move took away the element that had focus, focus goes to the new heading. */
  private focusHeading(hadFocus: boolean): void {
    if (!hadFocus) return;
    const heading = this.elements.content.querySelector<HTMLElement>('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }

  /**
   * Revealed results, but only once the person has answered or voting has closed: seeing the others'
   * answers first would steer their own.
   */
  private renderResults(): void {
    const current = this.current;
    const poll = current && this.polls?.get(current.poll);
    const results = current && this.results.get(current.poll);
    const answered = current && (!current.open || (this.votes.has(voteKey(current)) && !this.editing));
    const show =
      this.code &&
      poll &&
      results &&
      answered &&
      current.revealed &&
      results.round === current.round &&
      results.voters > 0;
    this.elements.results.replaceChildren(...(show ? [resultsView(this.language.t, poll, results)] : []));
  }
}
