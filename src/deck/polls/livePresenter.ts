import type { Poll } from '../../shared/deck.ts';
import type { ExerciseCountdowns } from '../countdown/exerciseCountdowns.ts';
import type { PollState } from '../../shared/protocol.ts';
import { announce } from '../announcer.ts';
import { askPresenterPassword, confirmAction } from './dialogs.ts';
import { JoinPanels } from './joinPanel.ts';
import { currentResultsOf, pollStateOf, type LiveState } from '../../client/presenterState.ts';
import type { LiveConfig } from '../../client/pollServerConfig.ts';
import { createPollSlideView, type PollActions, type PollSlideView } from './pollSlideView.ts';
import { pollIdOf, type DeckApi, type PollSlide } from './pollSlides.ts';
import { browserStorage } from './presenterRoomStore.ts';
import { PresenterSession } from './presenterSession.ts';
import { pollSocketUrl } from '../../shared/protocolLimits.ts';
import { ReconnectingSocket } from '../../client/reconnectingSocket.ts';
import { planPartOf } from '../plan/applyPlan.ts';
import { createTrainerMenu } from './trainerMenu.ts';

/** Slides that show the join code big at the start of a session: `join_panel: true` in their front matter. */
const WELCOME_SLIDES = '.reveal .slides section[data-join-panel]';

const KEYS = { open: 65, results: 85, round: 87 } as const;

/** What changed for a poll, in words, for the live region. */
function describeChange(before: PollState, after: PollState): string[] {
  const said: string[] = [];
  if (after.round > before.round) said.push(`Ronde ${after.round} is gestart.`);
  if (after.open !== before.open) said.push(after.open ? 'De stemming is open.' : 'De stemming is gesloten.');
  if (after.revealed !== before.revealed)
    said.push(after.revealed ? 'De resultaten staan op het scherm.' : 'De resultaten zijn verborgen.');
  return said;
}

/**
 * The presenter's deck with a poll server: one room, join panels on the welcome slides and on every
 * poll slide, live results, and the buttons and keys that run the polls.
 */
export function startLivePresenter(
  deck: DeckApi,
  config: LiveConfig,
  pollSlides: PollSlide[],
  countdowns: ExerciseCountdowns,
): void {
  const joinPanels = new JoinPanels();
  for (const slide of document.querySelectorAll<HTMLElement>(WELCOME_SLIDES)) {
    slide.classList.add('has-join-panel');
    slide.append(joinPanels.create('big'));
  }
  // Group exercises: the groups scan the code while the countdown runs, to send their answers.
  for (const side of document.querySelectorAll<HTMLElement>(
    '.reveal .slides section[data-shows-poll] .exercise-side',
  )) {
    side.append(joinPanels.create('small'));
  }

  const polls = new Map(pollSlides.map((slide) => [slide.poll.id, slide.poll]));
  const views = new Map<string, PollSlideView>();
  const act = (message: Parameters<PresenterSession['act']>[0]): void => {
    if (!session.act(message)) announce('Geen verbinding met de pollserver. De deck probeert het opnieuw.');
  };
  const actions: PollActions = {
    toggleOpen(poll) {
      const state = pollStateOf(session.liveState, poll);
      act({ type: state.open ? 'close' : 'open', poll: poll.id });
    },
    toggleResults(poll) {
      const state = pollStateOf(session.liveState, poll);
      act({ type: 'reveal', poll: poll.id, revealed: !state.revealed });
    },
    newRound(poll) {
      const state = pollStateOf(session.liveState, poll);
      void confirmAction(
        'Nieuwe ronde starten?',
        `De antwoorden van ronde ${state.round} blijven bewaard voor de export. Daarna kan iedereen opnieuw antwoorden.`,
        'Nieuwe ronde starten',
      ).then((confirmed) => {
        if (confirmed) act({ type: 'reset', poll: poll.id });
      });
    },
    approve(poll, answer, approved) {
      act({ type: 'approve', poll: poll.id, answer, approved });
    },
    loadPending(poll, before) {
      act({ type: 'pending', poll: poll.id, before });
    },
    removeWord(poll, word) {
      void confirmAction(
        `„${word}” van de woordwolk halen?`,
        'Het woord blijft weg in deze ronde, ook als iemand het opnieuw stuurt.',
        'Weghalen',
      ).then((confirmed) => {
        if (confirmed) act({ type: 'remove-word', poll: poll.id, word });
      });
    },
  };
  for (const slide of pollSlides) {
    views.set(slide.poll.id, createPollSlideView(slide, joinPanels.create('small'), actions));
  }

  let shown: LiveState | null = null;
  const render = (state: LiveState, changed: 'all' | 'presence' | string[]): void => {
    if (state.room) void joinPanels.setRoom(config.joinBase, state.room);
    joinPanels.setParticipants(state.participants);
    const ids = Array.isArray(changed) ? changed : Array.from(views.keys());
    for (const id of ids) {
      const view = views.get(id);
      if (!view) continue;
      view.render(pollStateOf(state, view.poll), currentResultsOf(state, view.poll), state.participants);
    }
    if (Array.isArray(changed) && shown) {
      for (const id of changed) {
        const poll = polls.get(id);
        const said = poll ? describeChange(pollStateOf(shown, poll), pollStateOf(state, poll)) : [];
        if (said.length > 0) announce(said.join(' '));
      }
    }
    shown = state;
  };

  const currentPoll = (): string | null => pollIdOf(deck.getCurrentSlide());
  const currentPlanPart = () => planPartOf(document, deck.getCurrentSlide());
  const socket = new ReconnectingSocket(pollSocketUrl(window.location), {
    open: () => session.opened(),
    message: (message) => session.receive(message),
    close: () => session.closed(),
  });
  // The actions and socket events above use the session only once it exists.
  const session = new PresenterSession(config, socket, browserStorage(), {
    askPassword: askPresenterPassword,
    update: render,
    currentPoll,
    currentTimer: () => countdowns.current(),
    currentPlanPart,
    problem: (message) => announce(message),
    pendingPage: (page) => views.get(page.poll)?.addPending(page.round, page.answers),
    status(status) {
      document.documentElement.dataset.pollConnection = status;
      if (status === 'connected') joinPanels.setStatus(null);
      if (status === 'connecting') joinPanels.setStatus('Verbinden met de pollserver…');
      if (status === 'no-session') joinPanels.setStatus('Geen live sessie. Kies „Trainer” om er een te starten.');
      if (status === 'offline') {
        joinPanels.setStatus('Verbinding weg. De deck verbindt opnieuw…');
        announce('De verbinding met de pollserver is weg. De deck verbindt opnieuw.');
      }
    },
  });

  document.body.append(
    createTrainerMenu(
      config.joinBase,
      () => session.presenterRoom,
      () => session.retry(),
      (renew) => session.remoteLink(renew),
    ),
  );

  let planPart = currentPlanPart();
  deck.on('slidechanged', () => {
    session.show(currentPoll());
    const part = currentPlanPart();
    // Without a connection it is sent with the next snapshot (PresenterSession).
    if (part && part.part !== planPart?.part) session.act({ type: 'plan-part', ...part });
    planPart = part;
  });
  countdowns.onChange((timer) => act({ type: 'timer', timer }));
  const onPollSlide = (run: (poll: Poll) => void) => () => {
    const poll = polls.get(currentPoll() ?? '');
    if (poll) run(poll);
    else announce('Op deze slide staat geen poll.');
  };
  deck.addKeyBinding(
    { keyCode: KEYS.open, key: 'A', description: 'Poll: stemmen openen of sluiten' },
    onPollSlide(actions.toggleOpen),
  );
  deck.addKeyBinding(
    { keyCode: KEYS.results, key: 'U', description: 'Poll: resultaten tonen of verbergen' },
    onPollSlide(actions.toggleResults),
  );
  deck.addKeyBinding(
    { keyCode: KEYS.round, key: 'W', description: 'Poll: nieuwe ronde' },
    onPollSlide(actions.newRound),
  );
  session.start();
}
