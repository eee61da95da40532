import { scaleChartSvg, scaleTable } from '../../../shared/charts/scaleChart.ts';
import type { ScalePoll } from '../../../shared/deck.ts';
import type { Chart, ChartData } from './chart.ts';
import { dataTable, html, patchSvg, svgFromTree } from './svg.ts';

/** The distribution over the points of a scale, with a marker at the average. */
export function createScaleChart(poll: ScalePoll): Chart {
  const element = html('div', 'poll-chart poll-chart-scale');
  const picture = svgFromTree(scaleChartSvg(poll, [], null));
  let table = dataTable(scaleTable(poll, [], null), true);
  element.append(picture, table);

  return {
    element,
    update({ results, concealed }: ChartData) {
      const data = results?.results.kind === 'scale' ? results.results : null;
      const counts = data?.counts ?? [];
      const average = data?.average ?? null;
      patchSvg(picture, scaleChartSvg(poll, counts, average));
      const fresh = dataTable(scaleTable(poll, counts, average), concealed);
      table.replaceWith(fresh);
      table = fresh;
    },
  };
}
