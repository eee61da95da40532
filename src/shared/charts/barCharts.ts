import type { Poll } from '../deck.ts';
import {
  BAR_CHART,
  barChartHeight,
  choiceBars,
  fitLabel,
  LABEL_CHARS,
  rankingBars,
  TRACK_WIDTH,
} from './barGeometry.ts';
import { pointsText } from './chartText.ts';
import { node, type ChartTable, type MarkupNode } from './markup.ts';

// The horizontal bar charts of choice and ranking polls, as a tree of SVG elements for given results:
// the deck draws and updates its live charts from it, the session report prints it.

function picture(rows: number, content: MarkupNode[]): MarkupNode {
  return node(
    'svg',
    {
      viewBox: `0 0 ${BAR_CHART.width} ${barChartHeight(rows)}`,
      preserveAspectRatio: 'xMinYMin meet',
      'aria-hidden': 'true',
      focusable: 'false',
    },
    content,
  );
}

/** One row: the label, the track, the bar filled to `fraction` and the value right of it. */
function barRow(rowAttributes: Record<string, string>, label: string, fraction: number, value: string): MarkupNode {
  const bar = { x: 0, y: BAR_CHART.barTop, width: TRACK_WIDTH, height: BAR_CHART.barHeight, rx: 6 };
  return node('g', { class: 'bar-row', ...rowAttributes }, [
    node('text', { class: 'bar-label', x: 0, y: BAR_CHART.labelBaseline }, fitLabel(label, LABEL_CHARS)),
    node('rect', { class: 'bar-track', ...bar }),
    node('rect', { class: 'bar-fill', ...bar, style: `transform: scaleX(${fraction})` }),
    node('text', { class: 'bar-value', x: TRACK_WIDTH + 14, y: BAR_CHART.barTop + BAR_CHART.barHeight - 6 }, value),
  ]);
}

const countsOf = (poll: Poll, counts: readonly number[]): number[] => poll.options.map((_, k) => counts[k] ?? 0);

/** Single and multiple choice: one row per option, with count and percentage of the people who answered. */
export function choiceChartSvg(poll: Poll, counts: readonly number[], voters: number): MarkupNode {
  const bars = choiceBars(countsOf(poll, counts), voters);
  return picture(
    poll.options.length,
    bars.map((bar) =>
      barRow(
        { transform: `translate(0 ${bar.y})` },
        poll.options[bar.option] ?? '',
        bar.fraction,
        `${bar.count} · ${bar.percent}%`,
      ),
    ),
  );
}

export function choiceTable(poll: Poll, counts: readonly number[], voters: number): ChartTable {
  return {
    caption: `Resultaten: ${poll.question}`,
    headings: ['Antwoord', 'Aantal', 'Procent'],
    rows: choiceBars(countsOf(poll, counts), voters).map((bar) => [
      poll.options[bar.option] ?? '',
      bar.count,
      `${bar.percent}%`,
    ]),
  };
}

/**
 * The ranking by Borda points, highest first. The rows stay in the order of the options and each is
 * moved to its place, so the deck's rows slide to their new place when the scores change.
 */
export function rankingChartSvg(poll: Poll, scores: readonly number[]): MarkupNode {
  const bars = rankingBars(countsOf(poll, scores));
  // Before anyone ranked, there are no places: the options stand in their own order.
  const ranked = bars.some((bar) => bar.score > 0);
  const byOption = [...bars].sort((a, b) => a.option - b.option);
  return picture(
    poll.options.length,
    byOption.map((bar) => {
      const option = poll.options[bar.option] ?? '';
      return barRow(
        { style: `transform: translateY(${bar.y}px)` },
        ranked ? `${bar.place}. ${option}` : option,
        bar.fraction,
        pointsText(bar.score),
      );
    }),
  );
}

export function rankingTable(poll: Poll, scores: readonly number[]): ChartTable {
  return {
    caption: `Rangorde (Borda-punten): ${poll.question}`,
    headings: ['Plaats', 'Antwoord', 'Punten'],
    rows: rankingBars(countsOf(poll, scores)).map((bar) => [
      String(bar.place),
      poll.options[bar.option] ?? '',
      bar.score,
    ]),
  };
}
