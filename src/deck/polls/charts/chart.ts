import type { PollResults } from '../../../shared/protocol.ts';

/** What a chart on a poll slide gets on every update. */
export interface ChartData {
  /** Results of the round on screen; null before anyone answered. */
  results: PollResults | null;
  /** Results hidden from the room: the chart shows the options only, without numbers. */
  concealed: boolean;
}

/** A live chart: built once per poll slide, then updated in place so its bars can move smoothly. */
export interface Chart {
  element: HTMLElement;
  update(data: ChartData): void;
}
