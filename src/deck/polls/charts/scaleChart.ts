import type { ScalePoll } from '../../../shared/deck.ts';
import { formatDecimal } from '../dutchText.ts';
import type { Chart, ChartData } from './chart.ts';
import { SCALE_CHART, scaleLayout } from './scaleGeometry.ts';
import { dataTable, html, svg } from './svg.ts';

/** The distribution over the points of a scale, with a marker at the average. */
export function createScaleChart(poll: ScalePoll): Chart {
  const element = html('div', 'poll-chart poll-chart-scale');
  const points = poll.max - poll.min + 1;
  const empty = scaleLayout(new Array<number>(points).fill(0), null, poll.min);
  const { baseline, maxHeight } = empty;
  const picture = svg('svg', {
    viewBox: `0 0 ${SCALE_CHART.width} ${SCALE_CHART.height}`,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  picture.setAttribute('preserveAspectRatio', 'xMinYMin meet');

  const columns = empty.columns.map((column) => {
    const centre = column.x + column.width / 2;
    const bar = svg('rect', {
      class: 'scale-column',
      x: column.x,
      y: baseline - maxHeight,
      width: column.width,
      height: maxHeight,
      rx: 6,
    });
    const count = svg('text', { class: 'scale-count', x: centre, y: baseline - 10, 'text-anchor': 'middle' });
    picture.append(
      bar,
      count,
      svg('text', { class: 'scale-point', x: centre, y: baseline + 34, 'text-anchor': 'middle' }, String(column.point)),
    );
    return { bar, count };
  });
  const first = empty.columns[0];
  const last = empty.columns.at(-1);
  picture.append(
    svg('line', { class: 'scale-axis', x1: 0, x2: SCALE_CHART.width, y1: baseline, y2: baseline }),
    svg('text', { class: 'scale-end', x: first?.x ?? 0, y: baseline + 76 }, poll.labels[0]),
    svg(
      'text',
      { class: 'scale-end', x: (last?.x ?? 0) + (last?.width ?? 0), y: baseline + 76, 'text-anchor': 'end' },
      poll.labels[1],
    ),
  );
  const average = svg('g', { class: 'scale-average' });
  const averageLabel = svg('text', { class: 'scale-average-label', x: 0, y: 22, 'text-anchor': 'middle' });
  average.append(svg('line', { x1: 0, x2: 0, y1: 32, y2: baseline + 8 }), averageLabel);
  picture.append(average);
  let table = dataTable('', [], []);
  element.append(picture, table);

  return {
    element,
    update({ results, concealed }: ChartData) {
      const data = results?.results.kind === 'scale' ? results.results : null;
      const counts = Array.from({ length: points }, (_, k) => data?.counts[k] ?? 0);
      const layout = scaleLayout(counts, data?.average ?? null, poll.min);
      layout.columns.forEach((column, k) => {
        const shapes = columns[k];
        if (!shapes) return;
        shapes.bar.style.transform = `scaleY(${column.fraction})`;
        shapes.count.style.transform = `translateY(${-column.fraction * maxHeight}px)`;
        shapes.count.textContent = String(column.count);
      });
      if (layout.averageX === null || data?.average == null) {
        average.classList.add('is-empty');
      } else {
        average.classList.remove('is-empty');
        average.style.transform = `translateX(${layout.averageX}px)`;
        // Near an edge the label hangs inwards, so it stays inside the chart.
        const anchor = layout.averageX < 110 ? 'start' : layout.averageX > SCALE_CHART.width - 110 ? 'end' : 'middle';
        averageLabel.setAttribute('text-anchor', anchor);
        averageLabel.textContent = `gemiddeld ${formatDecimal(data.average)}`;
      }
      const caption =
        data?.average != null
          ? `Resultaten: ${poll.question} Gemiddeld ${formatDecimal(data.average)} (van ${poll.min} = ${poll.labels[0]} tot ${poll.max} = ${poll.labels[1]}).`
          : `Resultaten: ${poll.question}`;
      const fresh = dataTable(
        caption,
        ['Score', 'Aantal'],
        layout.columns.map((column) => [String(column.point), column.count]),
        concealed,
      );
      table.replaceWith(fresh);
      table = fresh;
    },
  };
}
