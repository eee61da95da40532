import type { RevealApi } from 'reveal.js';
import { readPollServerConfig } from '../client/pollServerConfig.ts';
import { isNewerView } from '../client/presenterState.ts';
import { ReconnectingSocket } from '../client/reconnectingSocket.ts';
import type { ViewState } from '../shared/protocol.ts';
import { pollSocketUrl } from '../shared/protocolLimits.ts';
import type { ExerciseCountdowns } from './countdown/exerciseCountdowns.ts';
import { LivePolls } from './polls/livePolls.ts';
import { readPollSlides } from './polls/pollSlides.ts';
import { browserStorage } from './polls/presenterRoomStore.ts';
import { PresenterSession } from './polls/presenterSession.ts';
import { openViewChannel, viewChannelName } from './viewChannel.ts';

/** What someone could click or type into on a slide: the audience view has none of it. */
const CONTROLS = 'button, input, select, textarea, summary, .countdown-controls';

/**
 * The slides as nothing but a picture: links become text, buttons and fields go (a self-study form
 * keeps its options as text; in a live session the poll's chart shows instead), and nothing takes focus.
 */
export function removeControls(root: ParentNode): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const text = document.createElement('span');
    text.className = link.className;
    text.append(...link.childNodes);
    link.replaceWith(text);
  }
  for (const control of root.querySelectorAll(CONTROLS)) control.remove();
  for (const focusable of root.querySelectorAll('[tabindex]')) focusable.removeAttribute('tabindex');
}

/**
 * The audience view on the projector: the slide the console shows, the join code, live results and
 * approved answers, the countdown; nothing to click and no cursor. It follows the console through the
 * BroadcastChannel (same computer, with or without server) and, with a poll server, through the server
 * (a console on another device); the newer change wins.
 */
export function startAudienceView(deck: RevealApi, countdowns: ExerciseCountdowns): void {
  const reveal = deck.getRevealElement() ?? document.body;
  const config = readPollServerConfig();
  const polls = config.mode === 'live' ? new LivePolls(config.joinBase, readPollSlides(), false) : null;
  removeControls(reveal);
  const black = document.createElement('div');
  black.className = 'black-screen';
  black.hidden = true;
  document.body.append(black);

  let session: PresenterSession | null = null;
  let shown: ViewState | null = null;
  const show = (view: ViewState | null): void => {
    if (!view || !isNewerView(view, shown)) return;
    shown = view;
    deck.slide(view.slide.h, view.slide.v);
    black.hidden = !view.black;
    reveal.setAttribute('aria-hidden', String(view.black));
  };

  const channel = openViewChannel(viewChannelName(window.location), (message) => {
    if (message.kind === 'view') show(message.view);
    if (message.kind === 'timer') countdowns.follow(message.timer);
    if (message.kind === 'room') session?.roomStored();
  });
  channel.post({ kind: 'hello' });

  if (config.mode !== 'live' || !polls) return;
  const socket = new ReconnectingSocket(pollSocketUrl(window.location), {
    open: () => session?.opened(),
    message: (message) => session?.receive(message),
    close: () => session?.closed(),
  });
  session = new PresenterSession(
    config,
    socket,
    browserStorage(),
    {
      askPassword: () => Promise.resolve(null),
      update: (state, changed) => {
        polls.render(state, changed);
        show(state.view);
      },
      currentPoll: () => null,
      currentTimer: () => null,
      problem: () => undefined,
      pendingPage: () => undefined,
      timer: (timer) => countdowns.follow(timer),
      status: (status) => {
        document.documentElement.dataset.pollConnection = status;
        polls.joinPanels.setStatus(status === 'connected' ? null : 'Verbinden met de pollserver…');
      },
    },
    { follower: true },
  );
  session.start();
}
