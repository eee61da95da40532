import type { ScalePoll } from '../deck.ts';
import { formatDecimal } from './chartText.ts';
import { node, type ChartTable, type MarkupNode } from './markup.ts';
import { SCALE_CHART, scaleLayout } from './scaleGeometry.ts';

// The distribution over the points of a scale, with a marker at the average, as a tree of SVG elements
// for given results (see barCharts.ts).

const countsOf = (poll: ScalePoll, counts: readonly number[]): number[] =>
  Array.from({ length: poll.max - poll.min + 1 }, (_, k) => counts[k] ?? 0);

export function scaleChartSvg(poll: ScalePoll, counts: readonly number[], average: number | null): MarkupNode {
  const layout = scaleLayout(countsOf(poll, counts), average, poll.min);
  const { baseline, maxHeight } = layout;
  const columns = layout.columns.flatMap((column) => {
    const centre = column.x + column.width / 2;
    return [
      node('rect', {
        class: 'scale-column',
        x: column.x,
        y: baseline - maxHeight,
        width: column.width,
        height: maxHeight,
        rx: 6,
        style: `transform: scaleY(${column.fraction})`,
      }),
      node(
        'text',
        {
          class: 'scale-count',
          x: centre,
          y: baseline - 10,
          'text-anchor': 'middle',
          style: `transform: translateY(${-column.fraction * maxHeight}px)`,
        },
        String(column.count),
      ),
      node(
        'text',
        { class: 'scale-point', x: centre, y: baseline + 34, 'text-anchor': 'middle' },
        String(column.point),
      ),
    ];
  });
  const first = layout.columns[0];
  const last = layout.columns.at(-1);
  const x = layout.averageX;
  // Near an edge the label hangs inwards, so it stays inside the chart.
  const anchor = x === null || x < 110 ? 'start' : x > SCALE_CHART.width - 110 ? 'end' : 'middle';
  const shown = x !== null && average !== null;
  const marker = node(
    'g',
    shown
      ? { class: 'scale-average', style: `transform: translateX(${x}px)` }
      : { class: 'scale-average is-empty', style: 'transform: translateX(0px)' },
    [
      node('line', { x1: 0, x2: 0, y1: 32, y2: baseline + 8 }),
      node(
        'text',
        { class: 'scale-average-label', x: 0, y: 22, 'text-anchor': shown ? anchor : 'middle' },
        shown ? `gemiddeld ${formatDecimal(average)}` : '',
      ),
    ],
  );
  return node(
    'svg',
    {
      viewBox: `0 0 ${SCALE_CHART.width} ${SCALE_CHART.height}`,
      preserveAspectRatio: 'xMinYMin meet',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    [
      ...columns,
      node('line', { class: 'scale-axis', x1: 0, x2: SCALE_CHART.width, y1: baseline, y2: baseline }),
      node('text', { class: 'scale-end', x: first?.x ?? 0, y: baseline + 76 }, poll.labels[0]),
      node(
        'text',
        { class: 'scale-end', x: (last?.x ?? 0) + (last?.width ?? 0), y: baseline + 76, 'text-anchor': 'end' },
        poll.labels[1],
      ),
      marker,
    ],
  );
}

export function scaleTable(poll: ScalePoll, counts: readonly number[], average: number | null): ChartTable {
  return {
    caption:
      average !== null
        ? `Resultaten: ${poll.question} Gemiddeld ${formatDecimal(average)} (van ${poll.min} = ${poll.labels[0]} tot ${poll.max} = ${poll.labels[1]}).`
        : `Resultaten: ${poll.question}`,
    headings: ['Score', 'Aantal'],
    rows: countsOf(poll, counts).map((count, k) => [String(poll.min + k), count]),
  };
}
