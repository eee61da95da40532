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
import { opensInReadingView, startReadingView } from './readingView.ts';
import { isSpeakerViewReceiver } from './receiver.ts';
import { startShareSlides } from './share/shareSlide.ts';
import { translateSpeakerViewWhenOpened } from './speakerViewLabels.ts';

// A workshop plan (?plan=NAME) picks and orders the slides before reveal.js counts them.
applyPlanFromUrl(document, window.location, window.localStorage);

// The speaker view (press S) in Dutch, like the rest of the deck.
if (!isSpeakerViewReceiver()) translateSpeakerViewWhenOpened(window);

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
// On a phone the deck is one page to read, slide after slide (reveal's scroll view).
const reading = opensInReadingView(window.innerWidth);

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
  view: reading ? 'scroll' : null,
  // The view is chosen once, at load (see readingView.ts): reveal must not switch when the window
  // is resized, since switching back rebuilds the slides and loses what the deck added to them.
  scrollActivationWidth: 0,
  scrollSnap: false,
  scrollProgress: false,
  keyboardCondition: revealMayUseKey,
  plugins: [RevealNotes, RevealSearch, RevealZoom],
});

void deck.initialize().then(() => {
  translateRevealUi(deck.getRevealElement() ?? document.body);
  // Only drawing: safe in the speaker view's preview frames too, which then show the same slide.
  startShareSlides();
  if (!isSpeakerViewReceiver()) {
    // Code that must run once per presentation (polls, QR codes, the live connection) starts here,
    // never in the speaker view's preview frames.
    document.documentElement.dataset.deckRole = 'presenter';
    const countdowns = new ExerciseCountdowns(deck);
    countdowns.start();
    startPolls(deck, countdowns);
  }
  // After the polls: they change the height of the slides the reading view scrolls past.
  startReadingView(deck);
});
