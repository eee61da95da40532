import type { OpenAnswer, PollResults } from '../../../shared/protocol.ts';

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
  /** A page of older answers waiting for approval, asked for by the presenter (moderated polls). */
  addPending?(round: number, answers: readonly OpenAnswer[]): void;
}
