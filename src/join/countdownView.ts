import { clockText, Countdown } from '../shared/countdown.ts';
import type { TimerState } from '../shared/protocol.ts';
import { h } from '../client/dom.ts';
import type { PageLanguage } from './language.ts';

/** Often enough that the phone's second changes with the big screen's. */
const TICK_MS = 200;

/**
 * The group exercise's countdown on a phone, counted down from the server's last word. The presenter's
 * deck keeps the time; each start, pause or reset (and every reconnect) brings a fresh TimerState.
 */
export class CountdownView {
  private countdown: Countdown | null = null;
  private ticking: number | null = null;
  private readonly label = h('p', { class: 'countdown-label' });
  private readonly time = h('p', { class: 'countdown-time', role: 'timer' });
  private readonly state = h('p', { class: 'countdown-state' });

  constructor(
    private readonly element: HTMLElement,
    private readonly t: PageLanguage['t'],
    /** Says "time is up" to screen readers. */
    private readonly announce: (text: string) => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    element.replaceChildren(this.label, this.time, this.state);
    element.hidden = true;
  }

  set(timer: TimerState | null): void {
    const wasDone = this.countdown?.isDone(this.now()) ?? false;
    this.countdown = timer ? Countdown.fromState(timer, this.now()) : null;
    if (this.countdown && !wasDone && this.countdown.isDone(this.now())) this.announce(this.t('timeUp'));
    this.render();
    if (this.countdown?.isRunning(this.now())) this.tick();
  }

  /** Redraws in the page's language after a switch. */
  refresh(): void {
    this.render();
  }

  private tick(): void {
    if (this.ticking !== null) return;
    this.ticking = window.setInterval(() => {
      const countdown = this.countdown;
      const running = countdown?.isRunning(this.now()) ?? false;
      this.render();
      if (running) return;
      window.clearInterval(this.ticking ?? undefined);
      this.ticking = null;
      if (countdown?.isDone(this.now())) this.announce(this.t('timeUp'));
    }, TICK_MS);
  }

  private render(): void {
    const countdown = this.countdown;
    this.element.hidden = countdown === null;
    if (!countdown) return;
    const now = this.now();
    const done = countdown.isDone(now);
    this.element.dataset.state = done ? 'done' : countdown.isRunning(now) ? 'running' : 'paused';
    this.label.textContent = this.t('timer');
    const text = clockText(countdown.remainingMs(now));
    if (this.time.textContent !== text) this.time.textContent = text;
    this.state.textContent = done ? this.t('timeUp') : countdown.isRunning(now) ? '' : this.t('timerPaused');
  }
}
