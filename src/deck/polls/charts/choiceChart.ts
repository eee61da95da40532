import { choiceChartSvg, choiceTable } from '../../../shared/charts/barCharts.ts';
import type { Poll } from '../../../shared/deck.ts';
import type { Chart, ChartData } from './chart.ts';
import { dataTable, html, patchSvg, svgFromTree } from './svg.ts';

/** Horizontal bars for single and multiple choice: one row per option, with count and percentage. */
export function createChoiceChart(poll: Poll): Chart {
  const element = html('div', 'poll-chart poll-chart-bars');
  const picture = svgFromTree(choiceChartSvg(poll, [], 0));
  let table = dataTable(choiceTable(poll, [], 0), true);
  element.append(picture, table);

  return {
    element,
    update({ results, concealed }: ChartData) {
      const counts = results?.results.kind === 'counts' ? results.results.counts : [];
      const voters = results?.voters ?? 0;
      patchSvg(picture, choiceChartSvg(poll, counts, voters));
      const fresh = dataTable(choiceTable(poll, counts, voters), concealed);
      table.replaceWith(fresh);
      table = fresh;
    },
  };
}
