import type { Poll } from '../../../shared/deck.ts';
import { BAR_CHART, barChartHeight, fitLabel, LABEL_CHARS, TRACK_WIDTH } from './barGeometry.ts';
import { dataTable, html, svg } from './svg.ts';

// The picture of a bar chart, shared by the choice and the ranking chart: one row per option, each a
// label, a track, the bar that fills it and the value beside it. The charts fill them in.

export interface BarRow {
  row: SVGGElement;
  label: SVGTextElement;
  fill: SVGRectElement;
  value: SVGTextElement;
}

const bar = (className: string): SVGRectElement =>
  svg('rect', { class: className, x: 0, y: BAR_CHART.barTop, width: TRACK_WIDTH, height: BAR_CHART.barHeight, rx: 6 });

export interface BarChart {
  element: HTMLElement;
  /** In deck order. */
  rows: BarRow[];
  /** The numbers for screen readers, in place of the last table. */
  showTable: (...table: Parameters<typeof dataTable>) => void;
}

/** The chart's element: the picture (hidden from screen readers) and the data table that tells the numbers. */
export function barChart(poll: Poll, className: string): BarChart {
  const element = html('div', `poll-chart ${className}`);
  const picture = svg('svg', {
    viewBox: `0 0 ${BAR_CHART.width} ${barChartHeight(poll.options.length)}`,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  picture.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  const rows = poll.options.map((option, k) => {
    const row = svg('g', { class: 'bar-row' });
    // A style, not an attribute: a ranking's rows slide to their new place.
    row.style.transform = `translateY(${k * BAR_CHART.rowHeight}px)`;
    const label = svg('text', { class: 'bar-label', x: 0, y: BAR_CHART.labelBaseline }, fitLabel(option, LABEL_CHARS));
    const fill = bar('bar-fill');
    const value = svg('text', {
      class: 'bar-value',
      x: TRACK_WIDTH + 14,
      y: BAR_CHART.barTop + BAR_CHART.barHeight - 6,
    });
    row.append(label, bar('bar-track'), fill, value);
    picture.append(row);
    return { row, label, fill, value };
  });
  let table = dataTable('', [], []);
  element.append(picture, table);
  return {
    element,
    rows,
    showTable(...content) {
      const fresh = dataTable(...content);
      table.replaceWith(fresh);
      table = fresh;
    },
  };
}
