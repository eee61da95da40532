import type { Poll } from '../../../shared/deck.ts';
import { BAR_CHART, barChartHeight, choiceBars, fitLabel, LABEL_CHARS, TRACK_WIDTH } from './barGeometry.ts';
import type { Chart, ChartData } from './chart.ts';
import { dataTable, html, svg } from './svg.ts';

/** Horizontal bars for single and multiple choice: one row per option, with count and percentage. */
export function createChoiceChart(poll: Poll): Chart {
  const element = html('div', 'poll-chart poll-chart-bars');
  const height = barChartHeight(poll.options.length);
  const picture = svg('svg', {
    viewBox: `0 0 ${BAR_CHART.width} ${height}`,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  picture.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  const rows = poll.options.map((option, k) => {
    const row = svg('g', { class: 'bar-row', transform: `translate(0 ${k * BAR_CHART.rowHeight})` });
    const fill = svg('rect', {
      class: 'bar-fill',
      x: 0,
      y: BAR_CHART.barTop,
      width: TRACK_WIDTH,
      height: BAR_CHART.barHeight,
      rx: 6,
    });
    const value = svg(
      'text',
      { class: 'bar-value', x: TRACK_WIDTH + 14, y: BAR_CHART.barTop + BAR_CHART.barHeight - 6 },
      '',
    );
    row.append(
      svg('text', { class: 'bar-label', x: 0, y: BAR_CHART.labelBaseline }, fitLabel(option, LABEL_CHARS)),
      svg('rect', {
        class: 'bar-track',
        x: 0,
        y: BAR_CHART.barTop,
        width: TRACK_WIDTH,
        height: BAR_CHART.barHeight,
        rx: 6,
      }),
      fill,
      value,
    );
    picture.append(row);
    return { fill, value };
  });
  let table = dataTable('', [], []);
  element.append(picture, table);

  return {
    element,
    update({ results, concealed }: ChartData) {
      const counts = results?.results.kind === 'counts' ? results.results.counts : [];
      const bars = choiceBars(
        poll.options.map((_, k) => counts[k] ?? 0),
        results?.voters ?? 0,
      );
      bars.forEach((bar, k) => {
        const row = rows[k];
        if (!row) return;
        row.fill.style.transform = `scaleX(${bar.fraction})`;
        row.value.textContent = `${bar.count} · ${bar.percent}%`;
      });
      const fresh = dataTable(
        `Resultaten: ${poll.question}`,
        ['Antwoord', 'Aantal', 'Procent'],
        bars.map((bar) => [poll.options[bar.option] ?? '', bar.count, `${bar.percent}%`]),
        concealed,
      );
      table.replaceWith(fresh);
      table = fresh;
    },
  };
}
