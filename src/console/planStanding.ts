import { formatTime, parseTime, schedule } from '../shared/schedule.ts';
import type { AgendaItem } from '../shared/deck.ts';

// Where the session stands against the plan's agenda. A part started late puts the session behind by
// that much; a part that runs past its planned end puts it behind by the overrun, growing by the minute.

export interface PlannedPart {
  label: string;
  /** Minutes since midnight. */
  from: number;
  to: number;
}

/** The plan's agenda from `start` ("HH:MM"), in minutes since midnight. */
export function plannedParts(items: AgendaItem[], start: string): PlannedPart[] {
  return schedule(items, start).map((item) => ({
    label: item.label,
    from: parseTime(item.from) ?? 0,
    to: (parseTime(item.from) ?? 0) + item.minutes,
  }));
}

/** Minutes behind the plan (negative: ahead), for the part entered at `enteredAt`, at `now` (both in minutes since midnight). */
export function minutesBehind(part: PlannedPart, enteredAt: number, now: number): number {
  const late = enteredAt - part.from;
  return Math.round(now > part.to ? Math.max(late, now - part.to) : late);
}

/**
 * Before the plan's start time (a trainer who opens the console early, or rehearses) the session is not
 * ahead: it has not begun. Then: when it begins, else null.
 */
export function notStartedText(parts: PlannedPart[], now: number): string | null {
  const first = parts[0];
  return first && now < first.from ? `begint om ${formatTime(first.from)}` : null;
}

export function standingText(behind: number): string {
  if (behind === 0) return 'Op schema';
  return behind > 0 ? `${behind} min achter` : `${-behind} min voor`;
}

/** The parts still to come, at the time they start now the session is `behind`. */
export function comingParts(parts: PlannedPart[], current: number, behind: number): { label: string; at: string }[] {
  return parts.slice(current + 1).map((part) => ({ label: part.label, at: formatTime(part.from + behind) }));
}
