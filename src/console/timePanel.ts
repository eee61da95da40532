import { h } from '../client/dom.ts';
import type { AgendaPlan } from '../shared/deck.ts';
import { planStartTime } from '../deck/plan/applyPlan.ts';
import { comingParts, minutesBehind, notStartedText, plannedParts, standingText } from './planStanding.ts';

// The console's time: the clock, how long the session runs, the part on screen against its budget and,
// with a plan, where the session stands against the agenda and what is still to come. When the session
// and each part began is kept in this tab (sessionStorage), so a reload of the console keeps counting.

const STARTED_KEY = 'console-started';
const PART_KEY = 'console-part';

export interface DeckPart {
  /** The agenda item's index with a plan, else the stack's position in the deck. */
  key: string;
  label: string;
  /** The part's suggested seconds: the sum of its slides' `data-timing`. */
  budget: number;
  /** The agenda item, with a plan. */
  item: number | null;
}

/** The part of the deck `slide` belongs to: its agenda item with a plan, else its vertical stack. */
export function partOf(slide: Element | null, plan: AgendaPlan | null): DeckPart | null {
  let part =
    slide?.closest<HTMLElement>('section[data-agenda-item]') ?? slide?.closest<HTMLElement>('.slides > section');
  // The agenda slide a plan adds after its first part belongs to that part.
  while (plan && part && part.dataset.agendaItem === undefined && part.previousElementSibling instanceof HTMLElement)
    part = part.previousElementSibling;
  if (!part) return null;
  const slides = part.matches('[data-timing]')
    ? [part]
    : [...part.querySelectorAll<HTMLElement>('section[data-timing]')];
  const budget = slides.reduce((sum, s) => sum + (Number(s.dataset.timing) || 0), 0);
  const item = part.dataset.agendaItem === undefined ? null : Number(part.dataset.agendaItem);
  const stacks = [...(part.parentElement?.children ?? [])];
  const label =
    (item !== null ? plan?.items[item]?.label : undefined) ??
    part.querySelector('h1, h2')?.textContent?.trim() ??
    'Dit onderdeel';
  return { key: item !== null ? `item-${item}` : `stack-${stacks.indexOf(part)}`, label, budget, item };
}

const minutesOfDay = (date: Date): number => date.getHours() * 60 + date.getMinutes() + date.getSeconds() / 60;
const clock = (date: Date): string => date.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' });

function duration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} u ${minutes % 60} min` : `${minutes} min`;
}

function read<T>(storage: Storage | null, key: string): T | null {
  try {
    return JSON.parse(storage?.getItem(key) ?? 'null') as T | null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage switched off: the times then start again after a reload.
  }
}

export class TimePanel {
  private readonly started: number;
  private part: { key: string; at: number } | null;
  private current: DeckPart | null = null;

  constructor(
    private readonly element: HTMLElement,
    private readonly plan: AgendaPlan | null,
    private readonly storage: Storage | null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.started = read<number>(storage, STARTED_KEY) ?? this.now().getTime();
    write(storage, STARTED_KEY, this.started);
    this.part = read(storage, PART_KEY);
  }

  /** The slide on screen changed: a new part starts counting when it is entered. */
  slide(slide: Element | null): void {
    this.current = partOf(slide, this.plan);
    if (this.current && this.current.key !== this.part?.key) {
      this.part = { key: this.current.key, at: this.now().getTime() };
      write(this.storage, PART_KEY, this.part);
    }
    this.render();
  }

  render(): void {
    const now = this.now();
    const rows: Node[] = [
      h('p', { class: 'console-clock' }, h('span', { class: 'label' }, 'Klok '), h('strong', {}, clock(now))),
      h('p', {}, `Sessie bezig: ${duration(now.getTime() - this.started)}`),
    ];
    const part = this.current;
    if (part && this.part) {
      const spent = now.getTime() - this.part.at;
      const over = part.budget > 0 && spent > part.budget * 1000;
      rows.push(
        h(
          'p',
          { class: 'console-part', 'data-over': String(over) },
          `${part.label}: ${duration(spent)}`,
          part.budget > 0 ? ` van ${Math.round(part.budget / 60)} min` : '',
        ),
      );
    }
    if (this.plan && part?.item !== null && part?.item !== undefined && this.part) {
      const parts = plannedParts(this.plan.items, planStartTime(this.plan));
      const planned = parts[part.item];
      if (planned) {
        const notStarted = notStartedText(parts, minutesOfDay(now));
        const behind = notStarted ? 0 : minutesBehind(planned, minutesOfDay(new Date(this.part.at)), minutesOfDay(now));
        const coming = comingParts(parts, part.item, Math.max(0, behind)).slice(0, 3);
        rows.push(
          h(
            'p',
            { class: 'console-standing', 'data-behind': String(behind > 0) },
            `Plan: ${notStarted ?? standingText(behind)}`,
          ),
          h(
            'ol',
            { class: 'console-coming', 'aria-label': 'Nog te gaan' },
            ...coming.map((next) => h('li', {}, `${next.at} ${next.label}`)),
          ),
        );
      }
    }
    this.element.replaceChildren(...rows);
  }
}
