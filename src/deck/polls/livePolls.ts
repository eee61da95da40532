import type { LiveChange, LiveState } from '../../client/presenterState.ts';
import { currentResultsOf, pollStateOf } from '../../client/presenterState.ts';
import { JoinPanels } from './joinPanel.ts';
import { createPollSlideView, type PollSlideView } from './pollSlideView.ts';
import type { PollSlide } from './pollSlides.ts';

/** Slides that show the join code big at the start of a session: `join_panel: true` in their front matter. */
const WELCOME_SLIDES = '.reveal .slides section[data-join-panel]';

/**
 * The slides of a live session as the room sees them, in the console and in the audience view: join
 * panels on the welcome slides, beside the group exercises and on every poll slide, and the live results.
 * `links`: the QR codes link to the join page (the console); the audience view has nothing to click.
 */
export class LivePolls {
  readonly joinPanels: JoinPanels;
  private readonly views = new Map<string, PollSlideView>();

  constructor(
    private readonly joinBase: string,
    pollSlides: PollSlide[],
    links: boolean,
  ) {
    this.joinPanels = new JoinPanels(links);
    for (const slide of document.querySelectorAll<HTMLElement>(WELCOME_SLIDES)) {
      slide.classList.add('has-join-panel');
      slide.append(this.joinPanels.create('big'));
    }
    // Group exercises: the groups scan the code while the countdown runs, to send their answers.
    for (const side of document.querySelectorAll<HTMLElement>(
      '.reveal .slides section[data-shows-poll] .exercise-side',
    )) {
      side.append(this.joinPanels.create('small'));
    }
    for (const slide of pollSlides) {
      this.views.set(slide.poll.id, createPollSlideView(slide, this.joinPanels.create('small')));
    }
  }

  render(state: LiveState, changed: LiveChange): void {
    if (changed === 'view') return;
    if (state.room) void this.joinPanels.setRoom(this.joinBase, state.room);
    this.joinPanels.setParticipants(state.participants);
    const ids = Array.isArray(changed) ? changed : Array.from(this.views.keys());
    for (const id of ids) {
      const view = this.views.get(id);
      if (view) view.render(pollStateOf(state, view.poll), currentResultsOf(state, view.poll), state.participants);
    }
  }
}
