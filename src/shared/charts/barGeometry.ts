// Geometry of the horizontal bar charts (single and multiple choice, ranking), in SVG user units.
// Pure: the numbers in, the positions out, so they can be tested without a browser.

import { percentOf } from './chartText.ts';

export const BAR_CHART = {
  width: 820,
  labelSize: 24,
  /** Space from a row's top to the label's baseline. */
  labelBaseline: 24,
  barTop: 34,
  barHeight: 28,
  rowHeight: 76,
  /** Room right of the track for `12 · 40%`. */
  valueWidth: 150,
} as const;

export const TRACK_WIDTH = BAR_CHART.width - BAR_CHART.valueWidth;

export interface BarRow {
  /** The option's index in the poll. */
  option: number;
  count: number;
  /** Share of the track the bar fills, 0..1. */
  fraction: number;
  percent: number;
  /** Top of the row. */
  y: number;
}

/**
 * Bars for a choice poll. Percentages are of the people who answered (`voters`): with multiple choice
 * they add up to more than 100%, and a bar reaching the end means everyone picked that option.
 */
export function choiceBars(counts: readonly number[], voters: number): BarRow[] {
  const total = Math.max(voters, ...counts, 0);
  return counts.map((count, option) => ({
    option,
    count,
    fraction: total > 0 ? Math.min(1, count / total) : 0,
    percent: percentOf(count, total),
    y: option * BAR_CHART.rowHeight,
  }));
}

export interface RankingRow {
  option: number;
  score: number;
  /** Place in the ranking, from 1. Options with the same score share a place. */
  place: number;
  fraction: number;
  y: number;
}

/** Ranking by Borda score, highest first; equal scores keep the order of the options. */
export function rankingBars(scores: readonly number[]): RankingRow[] {
  const best = Math.max(0, ...scores);
  const order = scores
    .map((score, option) => ({ score, option }))
    .sort((a, b) => b.score - a.score || a.option - b.option);
  return order.map(({ score, option }, k) => ({
    option,
    score,
    place: order.findIndex((other) => other.score === score) + 1,
    fraction: best > 0 ? score / best : 0,
    y: k * BAR_CHART.rowHeight,
  }));
}

export function barChartHeight(rows: number): number {
  return Math.max(1, rows) * BAR_CHART.rowHeight - (BAR_CHART.rowHeight - BAR_CHART.barTop - BAR_CHART.barHeight);
}

/** A label that fits its row: SVG text does not wrap, so long options are cut with an ellipsis. */
export function fitLabel(label: string, maxChars: number): string {
  const chars = Array.from(label);
  return chars.length <= maxChars
    ? label
    : `${chars
        .slice(0, maxChars - 1)
        .join('')
        .trimEnd()}…`;
}

/** Roughly how many characters of the label font fit on the track. */
export const LABEL_CHARS = Math.floor(BAR_CHART.width / (BAR_CHART.labelSize * 0.56));
