import { expect, test } from 'vitest';
import { choiceChartSvg, rankingChartSvg } from '../../../src/shared/charts/barCharts.ts';
import { node, toMarkup, type MarkupNode } from '../../../src/shared/charts/markup.ts';
import { scaleChartSvg } from '../../../src/shared/charts/scaleChart.ts';
import type { Poll, ScalePoll } from '../../../src/shared/deck.ts';

// The charts as trees: the deck draws them live, the report writes them out. Text stays text.

const texts = (tree: MarkupNode): string[] =>
  tree.text !== undefined ? [tree.text] : tree.children.flatMap((child) => texts(child));
const find = (tree: MarkupNode, className: string): MarkupNode[] =>
  (String(tree.attributes.class ?? '')
    .split(' ')
    .includes(className)
    ? [tree]
    : []
  ).concat(tree.children.flatMap((child) => find(child, className)));

test('writes elements with escaped attributes and text', () => {
  const tree = node('g', { class: 'a"b' }, [node('text', { x: 1 }, '<b>Rood & groen</b>'), node('rect')]);
  expect(toMarkup(tree)).toBe(
    '<g class="a&quot;b"><text x="1">&lt;b&gt;Rood &amp; groen&lt;/b&gt;</text><rect></rect></g>',
  );
});

const poll: Poll = {
  id: 'kies',
  type: 'single',
  question: 'Welke?',
  options: ['Rood', 'Groen', 'Blauw'],
  hidden: false,
};

test('choice bars: each bar filled to its share of the people who answered, with count and percentage', () => {
  const tree = choiceChartSvg(poll, [3, 1, 0], 4);
  expect(find(tree, 'bar-fill').map((bar) => bar.attributes.style)).toEqual([
    'transform: scaleX(0.75)',
    'transform: scaleX(0.25)',
    'transform: scaleX(0)',
  ]);
  expect(find(tree, 'bar-value').map((value) => value.text)).toEqual(['3 · 75%', '1 · 25%', '0 · 0%']);
});

test('ranking: rows keep the options’ order and move to their place, labelled with it', () => {
  const tree = rankingChartSvg(poll, [2, 6, 4]);
  expect(find(tree, 'bar-label').map((label) => label.text)).toEqual(['3. Rood', '1. Groen', '2. Blauw']);
  expect(find(tree, 'bar-row').map((row) => row.attributes.style)).toEqual([
    'transform: translateY(152px)',
    'transform: translateY(0px)',
    'transform: translateY(76px)',
  ]);
  // Before anyone ranked there are no places.
  expect(find(rankingChartSvg(poll, []), 'bar-label').map((label) => label.text)).toEqual(['Rood', 'Groen', 'Blauw']);
});

test('scale: a column per point and the average, hidden without answers', () => {
  const scale: ScalePoll = {
    ...poll,
    type: 'scale',
    options: ['1', '2', '3'],
    min: 1,
    max: 3,
    labels: ['Weinig', 'Veel'],
  };
  const tree = scaleChartSvg(scale, [1, 0, 3], 2.5);
  expect(find(tree, 'scale-count').map((count) => count.text)).toEqual(['1', '0', '3']);
  expect(texts(tree)).toContain('gemiddeld 2,5');
  expect(texts(tree)).toEqual(expect.arrayContaining(['Weinig', 'Veel']));
  expect(find(scaleChartSvg(scale, [], null), 'is-empty')).toHaveLength(1);
});
