import type { RevealApi } from 'reveal.js';
import type { LiveConfig } from '../client/pollServerConfig.ts';
import {
  EMPTY_LIVE_STATE,
  isNewerView,
  pollStateOf,
  type LiveChange,
  type LiveState,
} from '../client/presenterState.ts';
import { ReconnectingSocket } from '../client/reconnectingSocket.ts';
import type { AgendaPlan, Poll } from '../shared/deck.ts';
import type { ViewState } from '../shared/protocol.ts';
import { pollSocketUrl } from '../shared/protocolLimits.ts';
import { announce } from '../deck/announcer.ts';
import type { ExerciseCountdowns } from '../deck/countdown/exerciseCountdowns.ts';
import { askPresenterPassword, confirmAction } from '../deck/polls/dialogs.ts';
import { LivePolls } from '../deck/polls/livePolls.ts';
import { pollIdOf, readPollSlides } from '../deck/polls/pollSlides.ts';
import { browserStorage, type PresenterRoom } from '../deck/polls/presenterRoomStore.ts';
import { PresenterSession } from '../deck/polls/presenterSession.ts';
import { planPartOf } from '../deck/plan/applyPlan.ts';
import { openViewChannel, viewChannelName, type ViewChannel } from '../deck/viewChannel.ts';
import { ConsoleKeys } from './consoleKeys.ts';
import type { ConsoleElements } from './consoleLayout.ts';
import { CountdownPanel } from './countdownPanel.ts';
import { describeChange } from './pollChanges.ts';
import { consoleButton } from './consoleButtons.ts';
import { PollPanel } from './pollPanel.ts';
import { tabStorage } from './remoteLink.ts';
import { buildJump, renderNav, renderNext, renderNotes } from './slidePanels.ts';
import { TimePanel } from './timePanel.ts';

export interface ConsoleSetup {
  deck: RevealApi;
  countdowns: ExerciseCountdowns;
  plan: AgendaPlan | null;
  elements: ConsoleElements;
  /** With a poll server: its details; null for a console from disk (rehearsal, self-study). */
  live: LiveConfig | null;
  /** The remote control's room and token; null for the console on the laptop (the stored room). */
  remote: PresenterRoom | null;
  /** The remote link's room is gone or the link was replaced: the remote control stops. */
  refused(): void;
}

/**
 * The presenter console: the trainer runs the session from here, the audience view shows the room's
 * side. It moves the audience view (BroadcastChannel on this computer, the server for the other
 * windows of the room), runs the polls, their moderation and the countdowns, and keeps the time.
 */
export class ConsoleApp {
  private readonly deck: RevealApi;
  private readonly polls = new Map<string, Poll>();
  private readonly channel: ViewChannel;
  private readonly session: PresenterSession | null;
  private readonly livePolls: LivePolls | null;
  private readonly pollPanel: PollPanel;
  private readonly timePanel: TimePanel;
  private readonly countdownPanel: CountdownPanel;
  /** Where the audience view stands; `at` 0 until this console or another moved it. */
  private view: ViewState;
  /** A move that came from another window: not sent back. */
  private following = false;
  private shown: LiveState | null = null;
  /** The plan part last told to the server (`plan-part`). */
  private planPart: { plan: string; part: string } | null = null;

  constructor(private readonly setup: ConsoleSetup) {
    const { deck, countdowns, elements, live } = setup;
    this.deck = deck;
    const slides = readPollSlides();
    for (const slide of slides) this.polls.set(slide.poll.id, slide.poll);
    this.view = { slide: this.indices(), black: false, at: 0 };
    this.pollPanel = new PollPanel(elements.poll, elements.moderation, {
      toggleOpen: (poll) => this.toggleOpen(poll),
      toggleResults: (poll) => this.toggleResults(poll),
      newRound: (poll) => this.newRound(poll),
      send: (message) => {
        if (message.type === 'remove-word') this.removeWord(message.poll, message.word);
        else if (message.type === 'approve' || message.type === 'pending') this.act(message);
      },
    });
    this.timePanel = new TimePanel(elements.time, setup.plan, tabStorage());
    this.countdownPanel = new CountdownPanel(elements.countdown, countdowns);
    this.livePolls = live ? new LivePolls(live.joinBase, slides, true) : null;
    this.session = live ? this.connect(live) : null;
    this.channel = openViewChannel(viewChannelName(window.location), (message) => {
      if (message.kind === 'hello') this.tellNewWindow();
      if (message.kind === 'view') this.follow(message.view);
      if (message.kind === 'timer') countdowns.follow(message.timer);
    });
  }

  start(): void {
    const { deck, countdowns, elements } = this.setup;
    deck.on('slidechanged', () => this.slideChanged());
    countdowns.onChange((timer) => {
      this.channel.post({ kind: 'timer', timer });
      this.act({ type: 'timer', timer }, false);
    });
    countdowns.start();
    const search = buildJump(elements.jump, deck, this.setup.plan);
    new ConsoleKeys(this, search, this.setup.live?.joinBase ?? null).bind(deck);
    this.renderSlide();
    window.setInterval(() => {
      this.timePanel.render();
      this.countdownPanel.render();
    }, 1000);
    this.channel.post({ kind: 'hello' });
    this.session?.start();
  }

  get liveState(): LiveState | null {
    return this.session?.liveState ?? null;
  }

  get presenterRoom(): PresenterRoom | null {
    return this.session?.presenterRoom ?? null;
  }

  /**
   * The poll the panel runs: on the laptop the poll of the console's slide; on the phone the poll the
   * room has on screen, whichever console put it there.
   */
  get pollOnScreen(): Poll | null {
    const id = this.setup.remote ? this.liveState?.current?.poll : pollIdOf(this.deck.getCurrentSlide());
    return this.polls.get(id ?? '') ?? null;
  }

  get panel(): PollPanel {
    return this.pollPanel;
  }

  get remoteLink(): (renew: boolean) => Promise<string> {
    return (renew) => this.session?.remoteLink(renew) ?? Promise.reject(new Error('er is geen pollserver'));
  }

  retry(): void {
    this.session?.retry();
  }

  /** The audience view blank or back (B). */
  toggleBlack(): void {
    this.publish({ ...this.view, black: !this.view.black, at: Date.now() });
    announce(this.view.black ? 'Het scherm in de zaal is zwart.' : 'Het scherm in de zaal toont de slide weer.');
  }

  toggleOpen(poll: Poll): void {
    this.act({ type: pollStateOf(this.state(), poll).open ? 'close' : 'open', poll: poll.id });
  }

  toggleResults(poll: Poll): void {
    this.act({ type: 'reveal', poll: poll.id, revealed: !pollStateOf(this.state(), poll).revealed });
  }

  newRound(poll: Poll): void {
    const { round } = pollStateOf(this.state(), poll);
    void confirmAction(
      'Nieuwe ronde starten?',
      `De antwoorden van ronde ${round} blijven bewaard voor de export. Daarna kan iedereen opnieuw antwoorden.`,
      'Nieuwe ronde starten',
    ).then((confirmed) => {
      if (confirmed) this.act({ type: 'reset', poll: poll.id });
    });
  }

  private removeWord(poll: string, word: string): void {
    void confirmAction(
      `„${word}” van de woordwolk halen?`,
      'Het woord blijft weg in deze ronde, ook als iemand het opnieuw stuurt.',
      'Weghalen',
    ).then((confirmed) => {
      if (confirmed) this.act({ type: 'remove-word', poll, word });
    });
  }

  act(action: Parameters<PresenterSession['act']>[0], complain = true): void {
    if (!this.session) return;
    if (!this.session.act(action) && complain)
      announce('Geen verbinding met de pollserver. De console probeert het opnieuw.');
  }

  private state(): LiveState {
    return this.session?.liveState ?? EMPTY_LIVE_STATE;
  }

  private indices(): ViewState['slide'] {
    const { h, v } = this.deck.getIndices();
    return { h, v: v ?? 0 };
  }

  private slideChanged(): void {
    // A move that follows another console is that console's to tell the server.
    if (!this.following) {
      this.publish({ slide: this.indices(), black: this.view.black, at: Date.now() });
      this.session?.show(pollIdOf(this.deck.getCurrentSlide()));
      // The session report's agenda as run; without a connection it goes with the next snapshot.
      const part = planPartOf(document, this.deck.getCurrentSlide());
      if (part && part.part !== this.planPart?.part) this.session?.act({ type: 'plan-part', ...part });
      this.planPart = part;
    }
    this.renderSlide();
  }

  /** This console moved the audience view: tell the windows on this computer and the server. */
  private publish(view: ViewState): void {
    this.view = view;
    this.channel.post({ kind: 'view', view });
    this.act({ type: 'view', view }, false);
    this.renderBlack();
  }

  /** Another console moved the audience view (newer wins): this one goes along. */
  private follow(view: ViewState | null): void {
    if (!view || !isNewerView(view, this.view)) return;
    this.view = view;
    const { h, v } = this.indices();
    if (h !== view.slide.h || v !== view.slide.v) {
      this.following = true;
      try {
        this.deck.slide(view.slide.h, view.slide.v);
      } finally {
        this.following = false;
      }
    }
    this.renderBlack();
  }

  /** A window opened on this computer (the audience view, or this console's other tab): bring it in step. */
  private tellNewWindow(): void {
    this.channel.post({ kind: 'view', view: this.view.at > 0 ? this.view : { ...this.view, at: 1 } });
    this.channel.post({ kind: 'timer', timer: this.setup.countdowns.current() });
    if (this.session?.presenterRoom) this.channel.post({ kind: 'room' });
  }

  private renderBlack(): void {
    this.setup.elements.blackNote.hidden = !this.view.black;
    document.documentElement.dataset.black = String(this.view.black);
  }

  private renderSlide(): void {
    const { elements } = this.setup;
    const slide = this.deck.getCurrentSlide();
    renderNext(elements.next, this.deck);
    renderNotes(elements.notes, slide);
    renderNav(elements.nav, this.deck, consoleButton);
    this.timePanel.slide(slide);
    this.countdownPanel.slide(slide);
    this.pollPanel.render(this.liveState, this.pollOnScreen);
  }

  private connect(config: LiveConfig): PresenterSession {
    const { elements, remote } = this.setup;
    const socket = new ReconnectingSocket(pollSocketUrl(window.location), {
      open: () => session.opened(),
      message: (message) => session.receive(message),
      close: () => session.closed(),
    });
    const session: PresenterSession = new PresenterSession(
      config,
      socket,
      remote ? null : browserStorage(),
      {
        askPassword: askPresenterPassword,
        update: (state, changed) => this.update(state, changed),
        currentPoll: () => pollIdOf(this.deck.getCurrentSlide()),
        currentTimer: () => this.setup.countdowns.current(),
        currentPlanPart: () => planPartOf(document, this.deck.getCurrentSlide()),
        problem: (message) => announce(message),
        pendingPage: (page) => {
          this.pollPanel.pendingPage(page.poll, page.round, page.answers);
          this.pollPanel.render(this.liveState, this.pollOnScreen);
        },
        timer: (timer) => this.setup.countdowns.follow(timer),
        refused: () => this.setup.refused(),
        status: (status) => {
          document.documentElement.dataset.pollConnection = status;
          const text: Record<typeof status, string> = {
            connected: '',
            connecting: 'Verbinden met de pollserver…',
            'no-session': 'Geen live sessie. Kies „Trainer” om er een te starten.',
            offline: 'Verbinding weg. De console verbindt opnieuw…',
          };
          elements.connection.textContent = text[status];
          this.livePolls?.joinPanels.setStatus(status === 'connected' ? null : text[status] || null);
          if (status === 'offline') announce('De verbinding met de pollserver is weg. De console verbindt opnieuw.');
        },
      },
      remote ? { room: remote } : {},
    );
    return session;
  }

  private update(state: LiveState, changed: LiveChange): void {
    this.livePolls?.render(state, changed);
    this.setup.elements.room.textContent = state.room ? `· sessie ${state.room}` : '';
    if (changed === 'all' && state.room && !this.shown?.room) this.channel.post({ kind: 'room' });
    if (changed === 'all' || changed === 'view') this.follow(state.view);
    if (Array.isArray(changed) && this.shown) {
      for (const id of changed) {
        const poll = this.polls.get(id);
        const said = poll ? describeChange(pollStateOf(this.shown, poll), pollStateOf(state, poll)) : [];
        if (said.length > 0) announce(said.join(' '));
      }
    }
    this.shown = state;
    this.pollPanel.render(state, this.pollOnScreen);
  }
}
