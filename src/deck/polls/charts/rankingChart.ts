import type { Poll } from '../../../shared/deck.ts';
import { pointsText } from '../dutchText.ts';
import { fitLabel, LABEL_CHARS, rankingBars } from './barGeometry.ts';
import { barChart } from './barRows.ts';
import type { Chart, ChartData } from './chart.ts';

/** The ranking: options ordered by their Borda score, each with a bar; rows slide to their new place. */
export function createRankingChart(poll: Poll): Chart {
  const { element, rows, showTable } = barChart(poll, 'poll-chart-ranking');

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
        const option = poll.options[bar.option] ?? '';
        row.label.textContent = fitLabel(ranked ? `${bar.place}. ${option}` : option, LABEL_CHARS);
        row.fill.style.transform = `scaleX(${bar.fraction})`;
        row.value.textContent = pointsText(bar.score);
      }
      showTable(
        `Rangorde (Borda-punten): ${poll.question}`,
        ['Plaats', 'Antwoord', 'Punten'],
        bars.map((bar) => [String(bar.place), poll.options[bar.option] ?? '', bar.score]),
        concealed,
      );
    },
  };
}
