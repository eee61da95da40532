import { describe, expect, test } from 'vitest';
import {
  BAR_CHART,
  barChartHeight,
  choiceBars,
  fitLabel,
  rankingBars,
} from '../../../src/shared/charts/barGeometry.ts';
import { SCALE_CHART, scaleLayout, type ScaleLayout } from '../../../src/shared/charts/scaleGeometry.ts';

/** The x of the middle of column k. */
function centreOf(layout: ScaleLayout, k: number): number {
  const column = layout.columns[k];
  if (!column) throw new Error(`no column ${k}`);
  return column.x + column.width / 2;
}

describe('choice bars', () => {
  test('single choice: bars and percentages are shares of the people who answered', () => {
    const bars = choiceBars([6, 3, 1, 0], 10);
    expect(bars.map((b) => b.fraction)).toEqual([0.6, 0.3, 0.1, 0]);
    expect(bars.map((b) => b.percent)).toEqual([60, 30, 10, 0]);
    expect(bars.map((b) => b.count)).toEqual([6, 3, 1, 0]);
  });

  test('multiple choice: percentages can add up to more than 100, no bar longer than the track', () => {
    const bars = choiceBars([4, 4, 2], 4);
    expect(bars.map((b) => b.percent)).toEqual([100, 100, 50]);
    expect(Math.max(...bars.map((b) => b.fraction))).toBe(1);
  });

  test('nobody answered: empty bars, 0%', () => {
    expect(choiceBars([0, 0], 0).map((b) => [b.fraction, b.percent])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  test('counts above the number of voters (inconsistent input) still stay inside the track', () => {
    const bars = choiceBars([5, 1], 2);
    expect(bars.every((b) => b.fraction <= 1)).toBe(true);
  });

  test('rows stack without overlapping', () => {
    const bars = choiceBars([1, 2, 3], 3);
    expect(bars.map((b) => b.y)).toEqual([0, BAR_CHART.rowHeight, 2 * BAR_CHART.rowHeight]);
    expect(BAR_CHART.barTop + BAR_CHART.barHeight).toBeLessThan(BAR_CHART.rowHeight);
    expect(barChartHeight(3)).toBe(2 * BAR_CHART.rowHeight + BAR_CHART.barTop + BAR_CHART.barHeight);
  });

  test('a long label is cut with an ellipsis, a short one kept', () => {
    expect(fitLabel('Kort', 10)).toBe('Kort');
    expect(fitLabel('Een heel lang antwoord', 10)).toBe('Een heel…');
    expect(Array.from(fitLabel('Een heel lang antwoord', 10)).length).toBeLessThanOrEqual(10);
  });
});

describe('ranking bars', () => {
  test('ordered by Borda score, highest first, bar relative to the best', () => {
    const rows = rankingBars([3, 9, 6]);
    expect(rows.map((r) => r.option)).toEqual([1, 2, 0]);
    expect(rows.map((r) => r.fraction)).toEqual([1, 6 / 9, 3 / 9]);
    expect(rows.map((r) => r.y)).toEqual([0, BAR_CHART.rowHeight, 2 * BAR_CHART.rowHeight]);
    expect(rows.map((r) => r.place)).toEqual([1, 2, 3]);
  });

  test('equal scores share a place and keep the order of the options', () => {
    const rows = rankingBars([4, 8, 4, 1]);
    expect(rows.map((r) => [r.option, r.place])).toEqual([
      [1, 1],
      [0, 2],
      [2, 2],
      [3, 4],
    ]);
  });

  test('no votes: the options in their own order, empty bars', () => {
    const rows = rankingBars([0, 0, 0]);
    expect(rows.map((r) => r.option)).toEqual([0, 1, 2]);
    expect(rows.every((r) => r.fraction === 0 && r.place === 1)).toBe(true);
  });
});

describe('scale chart', () => {
  test('one column per point, in order, inside the chart and not overlapping', () => {
    const layout = scaleLayout([1, 4, 2, 0, 1], 2.4, 1);
    expect(layout.columns.map((c) => c.point)).toEqual([1, 2, 3, 4, 5]);
    layout.columns.slice(1).forEach((column, k) => {
      const before = layout.columns[k];
      expect(column.x).toBeGreaterThanOrEqual((before?.x ?? 0) + (before?.width ?? 0));
    });
    const last = layout.columns.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(SCALE_CHART.width);
  });

  test('column heights follow the counts, the most votes fills the height', () => {
    const layout = scaleLayout([1, 4, 2, 0, 1], 2.4, 1);
    expect(layout.columns.map((c) => c.fraction)).toEqual([0.25, 1, 0.5, 0, 0.25]);
    expect(layout.maxHeight).toBeGreaterThan(0);
    expect(layout.baseline).toBe(SCALE_CHART.height - SCALE_CHART.bottom);
  });

  test('the average marker stands at the average on the scale', () => {
    const layout = scaleLayout([1, 0, 0, 0, 1], 3, 1);
    const centre = (k: number) => centreOf(layout, k);
    expect(layout.averageX).toBeCloseTo(centre(2));
    expect(scaleLayout([1, 0, 0, 0, 0], 1, 1).averageX).toBeCloseTo(centre(0));
    expect(scaleLayout([0, 0, 0, 0, 1], 5, 1).averageX).toBeCloseTo(centre(4));
    // 3.5 lies halfway between the centres of 3 and 4.
    expect(scaleLayout([0, 0, 1, 1, 0], 3.5, 1).averageX).toBeCloseTo((centre(2) + centre(3)) / 2);
  });

  test('a scale that does not start at 1', () => {
    const layout = scaleLayout([0, 2, 0], 0, -1);
    expect(layout.columns.map((c) => c.point)).toEqual([-1, 0, 1]);
    expect(layout.averageX).toBeCloseTo(centreOf(layout, 1));
  });

  test('no votes: no marker, no columns', () => {
    const layout = scaleLayout([0, 0, 0, 0, 0], null, 1);
    expect(layout.averageX).toBeNull();
    expect(layout.columns.every((c) => c.fraction === 0)).toBe(true);
  });
});
