import Reveal from 'reveal.js';
import RevealNotes from 'reveal.js/plugin/notes';
import RevealSearch from 'reveal.js/plugin/search';
import RevealZoom from 'reveal.js/plugin/zoom';
import 'reveal.js/reveal.css';
import './theme/index.css';
import { ExerciseCountdowns } from './countdown/exerciseCountdowns.ts';
import { translateRevealUi } from './dutchLabels.ts';
import { applyPlanFromUrl } from './plan/applyPlan.ts';
import { revealMayUseKey, startPolls } from './polls/index.ts';
import { isSpeakerViewReceiver } from './receiver.ts';

// A workshop plan (?plan=NAME) picks and orders the slides before reveal.js counts them.
applyPlanFromUrl(document, window.location, window.localStorage);

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const deck = new Reveal({
  hash: true,
  respondToHashChanges: true,
  width: 1280,
  height: 720,
  margin: 0.04,
  center: false,
  transition: reducedMotion ? 'none' : 'slide',
  backgroundTransition: reducedMotion ? 'none' : 'fade',
  slideNumber: 'c/t',
  showSlideNumber: 'speaker',
  pdfSeparateFragments: false,
  keyboardCondition: revealMayUseKey,
  plugins: [RevealNotes, RevealSearch, RevealZoom],
});

void deck.initialize().then(() => {
  translateRevealUi(deck.getRevealElement() ?? document.body);
  if (!isSpeakerViewReceiver()) {
    // Code that must run once per presentation (polls, QR codes, the live connection) starts here,
    // never in the speaker view's preview frames.
    document.documentElement.dataset.deckRole = 'presenter';
    const countdowns = new ExerciseCountdowns(deck);
    countdowns.start();
    startPolls(deck, countdowns);
  }
});
