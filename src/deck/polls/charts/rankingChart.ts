import type { Poll } from '../../../shared/deck.ts';
import { pointsText } from '../dutchText.ts';
import { BAR_CHART, barChartHeight, fitLabel, LABEL_CHARS, rankingBars, TRACK_WIDTH } from './barGeometry.ts';
import type { Chart, ChartData } from './chart.ts';
import { dataTable, html, svg } from './svg.ts';

/** The ranking: options ordered by their Borda score, each with a bar; rows slide to their new place. */
export function createRankingChart(poll: Poll): Chart {
  const element = html('div', 'poll-chart poll-chart-ranking');
  const height = barChartHeight(poll.options.length);
  const picture = svg('svg', {
    viewBox: `0 0 ${BAR_CHART.width} ${height}`,
    'aria-hidden': 'true',
    focusable: 'false',
  });
  picture.setAttribute('preserveAspectRatio', 'xMinYMin meet');
  const rows = poll.options.map((option, k) => {
    const row = svg('g', { class: 'bar-row' });
    row.style.transform = `translateY(${k * BAR_CHART.rowHeight}px)`;
    const label = svg('text', { class: 'bar-label', x: 0, y: BAR_CHART.labelBaseline });
    const fill = svg('rect', {
      class: 'bar-fill',
      x: 0,
      y: BAR_CHART.barTop,
      width: TRACK_WIDTH,
      height: BAR_CHART.barHeight,
      rx: 6,
    });
    const value = svg('text', {
      class: 'bar-value',
      x: TRACK_WIDTH + 14,
      y: BAR_CHART.barTop + BAR_CHART.barHeight - 6,
    });
    row.append(
      label,
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
    return { row, label, fill, value, option };
  });
  let table = dataTable('', [], []);
  element.append(picture, table);

  return {
    element,
    update({ results, concealed }: ChartData) {
      const scores = results?.results.kind === 'ranking' ? results.results.scores : [];
      const bars = rankingBars(poll.options.map((_, k) => scores[k] ?? 0));
      // Before anyone ranked, there are no places: the options stand in their own order.
      const ranked = bars.some((bar) => bar.score > 0);
      for (const bar of bars) {
        const row = rows[bar.option];
        if (!row) continue;
        row.row.style.transform = `translateY(${bar.y}px)`;
        row.label.textContent = fitLabel(ranked ? `${bar.place}. ${row.option}` : row.option, LABEL_CHARS);
        row.fill.style.transform = `scaleX(${bar.fraction})`;
        row.value.textContent = pointsText(bar.score);
      }
      const fresh = dataTable(
        `Rangorde (Borda-punten): ${poll.question}`,
        ['Plaats', 'Antwoord', 'Punten'],
        bars.map((bar) => [String(bar.place), poll.options[bar.option] ?? '', bar.score]),
        concealed,
      );
      table.replaceWith(fresh);
      table = fresh;
    },
  };
}
