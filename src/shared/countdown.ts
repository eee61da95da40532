import type { TimerState } from './protocol.ts';

// The countdown of a group exercise, as both the presenter's deck and the phones run it. Times are
// read from a monotonic clock the caller passes in (performance.now()), so changing the device's time
// cannot disturb it. The deck owns the countdown; a phone rebuilds it from the server's TimerState.

export class Countdown {
  private remainingAtMark: number;
  /** Clock reading when `remainingAtMark` was true; null while paused. */
  private runningSince: number | null = null;

  constructor(
    readonly exercise: string,
    public seconds: number,
  ) {
    this.remainingAtMark = seconds * 1000;
  }

  /** The countdown a TimerState describes, counting on from `now`. */
  static fromState(state: TimerState, now: number): Countdown {
    const countdown = new Countdown(state.exercise, state.seconds);
    countdown.remainingAtMark = state.remainingMs;
    if (state.running && state.remainingMs > 0) countdown.runningSince = now;
    return countdown;
  }

  remainingMs(now: number): number {
    if (this.runningSince === null) return this.remainingAtMark;
    return Math.max(0, this.remainingAtMark - (now - this.runningSince));
  }

  /** Running until it reaches zero. */
  isRunning(now: number): boolean {
    return this.runningSince !== null && this.remainingMs(now) > 0;
  }

  isDone(now: number): boolean {
    return this.remainingMs(now) === 0;
  }

  /** Never started, or reset: the phones need not show it. */
  isFresh(now: number): boolean {
    return !this.isRunning(now) && this.remainingMs(now) === this.seconds * 1000;
  }

  start(now: number): void {
    if (this.isRunning(now) || this.isDone(now)) return;
    this.runningSince = now;
  }

  pause(now: number): void {
    this.remainingAtMark = this.remainingMs(now);
    this.runningSince = null;
  }

  /** Start when paused, pause when running; a countdown at zero starts again from the top. */
  toggle(now: number): void {
    if (this.isDone(now)) {
      this.reset();
      this.start(now);
    } else if (this.isRunning(now)) this.pause(now);
    else this.start(now);
  }

  /** A minute more, on the clock and on the length (never past `maxSeconds`); a running countdown runs on. */
  addMinute(now: number, maxSeconds: number): void {
    const added = Math.min(60, maxSeconds - this.seconds);
    if (added <= 0) return;
    this.remainingAtMark = this.remainingMs(now) + added * 1000;
    if (this.runningSince !== null) this.runningSince = now;
    this.seconds += added;
  }

  reset(): void {
    this.remainingAtMark = this.seconds * 1000;
    this.runningSince = null;
  }

  state(now: number): TimerState {
    const remainingMs = Math.round(this.remainingMs(now));
    return { exercise: this.exercise, seconds: this.seconds, remainingMs, running: this.isRunning(now) };
  }
}

/** Remaining time as a clock shows it, "9:58", counting whole seconds up: 0:00 only when time is up. */
export function clockText(remainingMs: number): string {
  const total = Math.ceil(Math.max(0, remainingMs) / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
