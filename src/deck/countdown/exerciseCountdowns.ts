import type { RevealApi } from 'reveal.js';
import { clockText, Countdown } from '../../shared/countdown.ts';
import { MAX_TIMER_SECONDS, type TimerState } from '../../shared/protocol.ts';
import { announce } from '../announcer.ts';

/** The parts of reveal.js the countdowns use. */
export type CountdownDeck = Pick<RevealApi, 'getCurrentSlide' | 'addKeyBinding'>;

const KEYS = { toggle: 84, reset: 82, minute: 77 } as const;

/** A countdown as the console shows it. */
export interface CountdownReading {
  exercise: string;
  time: string;
  state: 'ready' | 'running' | 'paused' | 'done';
}
/** What the countdown says under the time, per state (`time`: the time shown). */
const STATE_TEXT: Record<'ready' | 'running' | 'paused' | 'done', (time: string) => string> = {
  ready: () => '',
  running: () => 'De tijd loopt.',
  paused: (time) => `Gepauzeerd op ${time}.`,
  done: () => 'De tijd is om.',
};

/** Often enough that the shown second never lags by more than a blink. */
const TICK_MS = 200;

interface ExerciseCountdown {
  /** Replaced when the countdown follows another window's (see follow). */
  countdown: Countdown;
  element: HTMLElement;
  time: HTMLElement;
  state: HTMLElement;
  toggleLabel: HTMLElement;
}

/**
 * The countdowns on the case exercise slides (rendered at build time, see src/vite/render/countdown.ts).
 * The presenter starts, pauses and resets them with the buttons or the keys T and R (and M: a minute
 * more). They need no server; `onChange` passes each change on to the phones and the audience view,
 * which `follow` the console's countdown without a clock of their own to disagree.
 */
export class ExerciseCountdowns {
  private readonly countdowns = new Map<string, ExerciseCountdown>();
  private readonly listeners: ((timer: TimerState | null) => void)[] = [];
  /** The countdown last started, paused or reset: the one the phones show. */
  private lastUsed: ExerciseCountdown | null = null;
  private ticking: number | null = null;

  constructor(
    private readonly deck: CountdownDeck,
    root: ParentNode = document,
    private readonly now: () => number = () => performance.now(),
  ) {
    for (const element of root.querySelectorAll<HTMLElement>('.countdown[data-exercise]')) {
      const exercise = element.dataset.exercise ?? '';
      const seconds = Number(element.dataset.seconds);
      const time = element.querySelector<HTMLElement>('.countdown-time');
      const state = element.querySelector<HTMLElement>('.countdown-state');
      const toggleLabel = element.querySelector<HTMLElement>('.countdown-toggle span');
      if (!exercise || !(seconds > 0) || !time || !state || !toggleLabel) continue;
      const entry = { countdown: new Countdown(exercise, seconds), element, time, state, toggleLabel };
      this.countdowns.set(exercise, entry);
      element.querySelector('.countdown-toggle')?.addEventListener('click', () => this.toggle(entry));
      element.querySelector('.countdown-reset')?.addEventListener('click', () => this.reset(entry));
      this.render(entry);
    }
  }

  start(): void {
    if (this.countdowns.size === 0) return;
    const onSlide = (run: (entry: ExerciseCountdown) => void) => () => {
      const entry = this.onCurrentSlide();
      if (entry) run(entry);
    };
    this.deck.addKeyBinding(
      { keyCode: KEYS.toggle, key: 'T', description: 'Timer van de groepsopdracht: starten of pauzeren' },
      onSlide((entry) => this.toggle(entry)),
    );
    this.deck.addKeyBinding(
      { keyCode: KEYS.reset, key: 'R', description: 'Timer van de groepsopdracht: opnieuw' },
      onSlide((entry) => this.reset(entry)),
    );
    this.deck.addKeyBinding(
      { keyCode: KEYS.minute, key: 'M', description: 'Timer van de groepsopdracht: een minuut erbij' },
      onSlide((entry) => this.addMinute(entry)),
    );
  }

  /** The exercise whose countdown is on `slide`, or null. */
  exerciseOn(slide: Element | null | undefined): string | null {
    const exercise = slide?.querySelector<HTMLElement>('.countdown[data-exercise]')?.dataset.exercise ?? '';
    return this.countdowns.has(exercise) ? exercise : null;
  }

  reading(exercise: string): CountdownReading | null {
    const entry = this.countdowns.get(exercise);
    if (!entry) return null;
    return { exercise, time: entry.time.textContent ?? '', state: this.stateOf(entry) };
  }

  /** The console's buttons: start or pause, reset, a minute more. */
  act(exercise: string, action: 'toggle' | 'reset' | 'minute'): void {
    const entry = this.countdowns.get(exercise);
    if (!entry) return;
    if (action === 'toggle') this.toggle(entry);
    else if (action === 'reset') this.reset(entry);
    else this.addMinute(entry);
  }

  /**
   * Shows the countdown another window runs (the console, through the BroadcastChannel or the server),
   * without telling the listeners: a follower never sends it back. Null: the last one shown is reset.
   */
  follow(timer: TimerState | null): void {
    const entry = timer ? this.countdowns.get(timer.exercise) : this.lastUsed;
    if (!entry) return;
    if (timer) entry.countdown = Countdown.fromState(timer, this.now());
    else entry.countdown.reset();
    this.lastUsed = entry;
    this.render(entry);
    this.tick();
  }

  /** Called with the countdown the phones should show (null: none) on every start, pause and reset. */
  onChange(listener: (timer: TimerState | null) => void): void {
    this.listeners.push(listener);
  }

  /** The countdown the phones should show now, or null. */
  current(): TimerState | null {
    const entry = this.lastUsed;
    if (!entry || entry.countdown.isFresh(this.now())) return null;
    return entry.countdown.state(this.now());
  }

  private onCurrentSlide(): ExerciseCountdown | null {
    const element = this.deck.getCurrentSlide()?.querySelector<HTMLElement>('.countdown[data-exercise]');
    return this.countdowns.get(element?.dataset.exercise ?? '') ?? null;
  }

  private toggle(entry: ExerciseCountdown): void {
    entry.countdown.toggle(this.now());
    this.changed(entry);
  }

  private reset(entry: ExerciseCountdown): void {
    entry.countdown.reset();
    this.changed(entry);
  }

  private addMinute(entry: ExerciseCountdown): void {
    entry.countdown.addMinute(this.now(), MAX_TIMER_SECONDS);
    this.changed(entry);
  }

  private changed(entry: ExerciseCountdown): void {
    this.lastUsed = entry;
    this.render(entry);
    this.tick();
    const timer = this.current();
    for (const listener of this.listeners) listener(timer);
  }

  /** Redraws the running countdowns until none runs; a countdown that reaches zero says so. */
  private tick(): void {
    if (this.ticking !== null) return;
    this.ticking = window.setInterval(() => {
      let running = 0;
      for (const entry of this.countdowns.values()) {
        const wasDone = entry.element.dataset.state === 'done';
        this.render(entry);
        if (entry.countdown.isRunning(this.now())) running++;
        else if (!wasDone && entry.element.dataset.state === 'done') this.finished(entry);
      }
      if (running === 0 && this.ticking !== null) {
        window.clearInterval(this.ticking);
        this.ticking = null;
      }
    }, TICK_MS);
  }

  private finished(entry: ExerciseCountdown): void {
    announce('De tijd voor de groepsopdracht is om.');
    // The phones counted down themselves; this tells them the final state.
    if (entry === this.lastUsed) for (const listener of this.listeners) listener(this.current());
  }

  private stateOf({ countdown }: ExerciseCountdown): CountdownReading['state'] {
    const now = this.now();
    if (countdown.isDone(now)) return 'done';
    if (countdown.isRunning(now)) return 'running';
    return countdown.isFresh(now) ? 'ready' : 'paused';
  }

  private render(entry: ExerciseCountdown): void {
    const now = this.now();
    const { countdown } = entry;
    const state = this.stateOf(entry);
    entry.element.dataset.state = state;
    const text = clockText(countdown.remainingMs(now));
    if (entry.time.textContent !== text) entry.time.textContent = text;
    const label = state === 'running' ? 'Pauze' : state === 'paused' ? 'Verder' : 'Start';
    if (entry.toggleLabel.textContent !== label) entry.toggleLabel.textContent = label;
    // A live region: its text changes only when the state does, so it is read once per change.
    const said = STATE_TEXT[state](text);
    if (entry.state.textContent !== said) entry.state.textContent = said;
  }
}
