import type { AgendaItem } from './deck.ts';

export interface ScheduledItem extends AgendaItem {
  /** Clock times, "HH:MM". */
  from: string;
  to: string;
}

/** Minutes since midnight of a "HH:MM" time, or null when it is not one. */
export function parseTime(value: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function formatTime(minutes: number): string {
  const day = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(day / 60)).padStart(2, '0')}:${String(day % 60).padStart(2, '0')}`;
}

/** The agenda with clock times, one part after the other from `start`. */
export function schedule(items: AgendaItem[], start: string): ScheduledItem[] {
  let clock = parseTime(start) ?? 0;
  return items.map((item) => {
    const from = clock;
    clock += item.minutes;
    return { ...item, from: formatTime(from), to: formatTime(clock) };
  });
}
