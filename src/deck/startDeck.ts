import Reveal, { type RevealApi } from 'reveal.js';
import RevealSearch from 'reveal.js/plugin/search';
import RevealZoom from 'reveal.js/plugin/zoom';
import 'reveal.js/reveal.css';
import './theme/index.css';
import type { AgendaPlan } from '../shared/deck.ts';
import { ExerciseCountdowns } from './countdown/exerciseCountdowns.ts';
import type { DeckRole } from './deckRole.ts';
import { translateRevealUi } from './dutchLabels.ts';
import { applyPlanFromUrl } from './plan/applyPlan.ts';
import { revealMayUseKey } from './polls/keyboard.ts';
import { startShareSlides } from './share/shareSlide.ts';

export interface StartedDeck {
  deck: RevealApi;
  countdowns: ExerciseCountdowns;
  /** The plan of `?plan=NAME`, or null for the whole deck. */
  plan: AgendaPlan | null;
}

/**
 * Starts reveal.js for one window of a session: the whole deck, the console's slide (embedded in the
 * console's layout), or the audience view (nothing to click, it follows the console).
 */
export async function startDeck(role: DeckRole): Promise<StartedDeck> {
  // A workshop plan (?plan=NAME) picks and orders the slides before reveal.js counts them.
  const plan = applyPlanFromUrl(document, window.location, window.localStorage);
  document.documentElement.dataset.deckRole = role;
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const reading = role === 'reading';
  const audience = role === 'audience';
  const embedded = role === 'console' || role === 'remote';

  const deck = new Reveal({
    // The audience view goes where the console says, never by itself.
    hash: !audience,
    respondToHashChanges: !audience,
    embedded,
    width: 1280,
    height: 720,
    margin: embedded ? 0 : 0.04,
    center: false,
    controls: !audience,
    progress: !audience,
    keyboard: !audience,
    touch: !audience,
    overview: !audience,
    help: !audience,
    transition: reducedMotion ? 'none' : 'slide',
    backgroundTransition: reducedMotion ? 'none' : 'fade',
    slideNumber: audience ? false : 'c/t',
    pdfSeparateFragments: false,
    view: reading ? 'scroll' : null,
    // The view is chosen once, at load (see deckRole.ts): reveal must not switch when the window is
    // resized, since switching back rebuilds the slides and loses what the deck added to them.
    scrollActivationWidth: 0,
    scrollSnap: false,
    scrollProgress: false,
    keyboardCondition: revealMayUseKey,
    plugins: audience ? [] : [RevealSearch, RevealZoom],
  });
  await deck.initialize();
  translateRevealUi(deck.getRevealElement() ?? document.body);
  startShareSlides();
  const countdowns = new ExerciseCountdowns(deck);
  return { deck, countdowns, plan };
}
