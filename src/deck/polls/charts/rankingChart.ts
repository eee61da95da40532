import { rankingChartSvg, rankingTable } from '../../../shared/charts/barCharts.ts';
import type { Poll } from '../../../shared/deck.ts';
import type { Chart, ChartData } from './chart.ts';
import { dataTable, html, patchSvg, svgFromTree } from './svg.ts';

/** The ranking: options ordered by their Borda score, each with a bar; rows slide to their new place. */
export function createRankingChart(poll: Poll): Chart {
  const element = html('div', 'poll-chart poll-chart-ranking');
  const picture = svgFromTree(rankingChartSvg(poll, []));
  let table = dataTable(rankingTable(poll, []), true);
  element.append(picture, table);

  return {
    element,
    update({ results, concealed }: ChartData) {
      const scores = results?.results.kind === 'ranking' ? results.results.scores : [];
      patchSvg(picture, rankingChartSvg(poll, scores));
      const fresh = dataTable(rankingTable(poll, scores), concealed);
      table.replaceWith(fresh);
      table = fresh;
    },
  };
}
