import { h } from '../client/dom.ts';
import { readPollServerConfig } from '../client/pollServerConfig.ts';
import { startAudienceView } from '../deck/audienceView.ts';
import { deckRole, runsSession } from '../deck/deckRole.ts';
import { createTrainerMenu } from '../deck/polls/trainerMenu.ts';
import { readPollSlides } from '../deck/polls/pollSlides.ts';
import { resultsDownloads } from '../deck/polls/resultsDownloads.ts';
import { startSelfStudy } from '../deck/polls/selfStudy.ts';
import { startReadingView } from '../deck/readingView.ts';
import { startDeck } from '../deck/startDeck.ts';
import { openAudienceView } from './audienceWindow.ts';
import { keyedButton } from './consoleButtons.ts';
import { ConsoleApp } from './consoleApp.ts';
import { showJoin, showKeys } from './consoleDialogs.ts';
import { buildConsoleLayout } from './consoleLayout.ts';
import { tabStorage, takeControlLink } from './remoteLink.ts';
import './console.css';

// The deck page's entry: one page, several windows of a session (src/deck/deckRole.ts). The console and
// the remote control run the session; the audience view follows them; the deck alone is for self-study.

const config = readPollServerConfig();
const role = deckRole(window.location, window.innerWidth, config.mode === 'live');
document.documentElement.dataset.pollMode = config.mode;
// The remote link's token is taken from the address before reveal reads the fragment as a slide.
const remote = role === 'remote' ? takeControlLink(window.location, window.history, tabStorage()) : null;
const reveal = document.querySelector<HTMLElement>('.reveal');
const title =
  role === 'remote'
    ? 'Afstandsbediening'
    : `Presentatorconsole · ${reveal?.getAttribute('aria-label') ?? document.title}`;
const elements = runsSession(role) && reveal ? buildConsoleLayout(reveal, title) : null;

function stopRemote(text: string): void {
  document.body.replaceChildren(
    h('main', { class: 'console-message' }, h('h1', {}, 'Dit lukt niet'), h('p', {}, text)),
  );
}

void startDeck(role).then(({ deck, countdowns, plan }) => {
  if (role === 'audience') return startAudienceView(deck, countdowns);
  if (!elements) {
    startSelfStudy(readPollSlides());
    countdowns.start();
    // On its own the deck opens the console with S: the console then opens the audience view.
    deck.addKeyBinding({ keyCode: 83, key: 'S', description: 'Presentatorconsole' }, () => {
      const search = new URLSearchParams(window.location.search);
      search.set('console', '');
      window.location.search = search.toString();
    });
    // After the polls: they change the height of the slides the reading view scrolls past.
    if (role === 'reading') startReadingView(deck);
    return;
  }
  if (role === 'remote' && (config.mode !== 'live' || !remote)) {
    return stopRemote(
      config.mode !== 'live'
        ? 'De afstandsbediening werkt alleen via de server van de trainer (npm start).'
        : 'Deze link is niet compleet. Open de afstandsbediening opnieuw vanuit de console.',
    );
  }
  const live = config.mode === 'live' ? config : null;
  const app = new ConsoleApp({
    deck,
    countdowns,
    plan,
    elements,
    live,
    remote: remote ? { room: remote.room, key: remote.token } : null,
    refused: () =>
      stopRemote(
        'Deze link werkt niet (meer). Misschien is er een nieuwe link gemaakt. Scan de code opnieuw in de console: Trainer, Bediening op telefoon.',
      ),
  });
  const tool = (label: string, key: string, run: () => void) =>
    keyedButton(label, key, run, { className: 'console-tool' });
  if (role === 'console') elements.toolbar.append(tool('Publieksweergave', 'S', openAudienceView));
  elements.toolbar.append(tool('Scherm zwart', 'B', () => app.toggleBlack()));
  if (live) {
    elements.toolbar.append(tool('Deelnemen', 'Q', () => showJoin(live.joinBase, app.liveState?.room ?? null)));
    if (role === 'console')
      elements.toolbar.append(
        createTrainerMenu(
          live.joinBase,
          () => app.presenterRoom,
          () => app.retry(),
          app.remoteLink,
        ),
      );
    else if (remote)
      elements.moderation
        .closest('.console-side')
        ?.append(h('div', { class: 'console-panel console-downloads' }, resultsDownloads(remote.room, remote.token)));
  }
  elements.toolbar.append(tool('Sneltoetsen', '?', showKeys));
  app.start();
  deck.layout();
});
