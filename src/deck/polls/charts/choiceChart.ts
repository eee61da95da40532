import type { Poll } from '../../../shared/deck.ts';
import { choiceBars } from './barGeometry.ts';
import { barChart } from './barRows.ts';
import type { Chart, ChartData } from './chart.ts';

/** Horizontal bars for single and multiple choice: one row per option, with count and percentage. */
export function createChoiceChart(poll: Poll): Chart {
  const { element, rows, showTable } = barChart(poll, 'poll-chart-bars');

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
      showTable(
        `Resultaten: ${poll.question}`,
        ['Antwoord', 'Aantal', 'Procent'],
        bars.map((bar) => [poll.options[bar.option] ?? '', bar.count, `${bar.percent}%`]),
        concealed,
      );
    },
  };
}
