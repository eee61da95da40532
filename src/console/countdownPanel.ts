import { h } from '../client/dom.ts';
import { keyedButton } from './consoleButtons.ts';
import type { ExerciseCountdowns } from '../deck/countdown/exerciseCountdowns.ts';

// The case countdown of the slide on screen, in the console: the time, and start or pause (T), reset
// (R) and a minute more (M). Built once, then only its texts change, so a focused button keeps its focus.

const STATE: Record<string, string> = {
  ready: 'Nog niet gestart',
  running: 'De tijd loopt',
  paused: 'Gepauzeerd',
  done: 'De tijd is om',
};

const keyed = (label: string, key: string, onClick: () => void) =>
  keyedButton(label, key, onClick, { className: 'console-button secondary' });

export class CountdownPanel {
  private exercise: string | null = null;
  private readonly time = h('p', { class: 'console-countdown-time' });
  private readonly state = h('p', { class: 'console-countdown-state' });
  private readonly toggle: HTMLButtonElement;

  constructor(
    private readonly element: HTMLElement,
    private readonly countdowns: ExerciseCountdowns,
  ) {
    const act = (action: 'toggle' | 'reset' | 'minute') => () => {
      if (this.exercise) countdowns.act(this.exercise, action);
      this.render();
    };
    this.toggle = keyed('Start', 'T', act('toggle'));
    element.append(
      this.time,
      this.state,
      h(
        'div',
        { class: 'console-buttons', role: 'group', 'aria-label': 'Bediening van de timer' },
        this.toggle,
        keyed('Opnieuw', 'R', act('reset')),
        keyed('+1 minuut', 'M', act('minute')),
      ),
    );
  }

  slide(slide: Element | null): void {
    this.exercise = this.countdowns.exerciseOn(slide);
    this.element.closest('section')?.toggleAttribute('hidden', this.exercise === null);
    this.render();
  }

  render(): void {
    const reading = this.exercise ? this.countdowns.reading(this.exercise) : null;
    if (!reading) return;
    if (this.time.textContent !== reading.time) this.time.textContent = reading.time;
    this.state.textContent = STATE[reading.state] ?? '';
    const label = this.toggle.querySelector('span');
    if (label)
      label.textContent = reading.state === 'running' ? 'Pauze' : reading.state === 'paused' ? 'Verder' : 'Start';
  }
}
