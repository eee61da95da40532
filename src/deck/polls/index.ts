import type { ExerciseCountdowns } from '../countdown/exerciseCountdowns.ts';
import { startLivePresenter } from './livePresenter.ts';
import { readPollServerConfig } from '../../client/pollServerConfig.ts';
import { readPollSlides, type DeckApi } from './pollSlides.ts';
import { startSelfStudy } from './selfStudy.ts';

export { revealMayUseKey } from './keyboard.ts';

/**
 * Starts the polls of the presenter's deck: live with a poll server behind the page, else as a
 * self-study deck in which the reader answers for themselves and nothing goes over the network.
 * Live, the phones also show the group exercises' countdowns.
 */
export function startPolls(deck: DeckApi, countdowns: ExerciseCountdowns): void {
  const config = readPollServerConfig();
  const slides = readPollSlides();
  document.documentElement.dataset.pollMode = config.mode;
  if (config.mode === 'live') startLivePresenter(deck, config, slides, countdowns);
  else startSelfStudy(slides);
}
