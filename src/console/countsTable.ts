import type { Poll } from '../shared/deck.ts';
import type { Results } from '../shared/protocol.ts';
import { dutch, h } from '../client/dom.ts';
import { resultRows } from '../client/resultRows.ts';

/** The remote control's numbers of a poll round without open answers: a table, and a scale's average. */
export function countsView(poll: Poll, results: Exclude<Results, { kind: 'answers' }>): Node[] {
  const rows = resultRows(poll, results);
  const list = h(
    'table',
    { class: 'numbers-table' },
    h('caption', {}, 'Uitslag'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'Antwoord'),
        h('th', { scope: 'col' }, results.kind === 'ranking' ? 'Punten' : 'Aantal'),
      ),
    ),
    h('tbody', {}, ...rows.map((row) => h('tr', {}, dutch('td', row.label), h('td', {}, String(row.value))))),
  );
  const average =
    results.kind === 'scale' && results.average !== null
      ? h('p', { class: 'average' }, `Gemiddeld: ${results.average.toLocaleString('nl', { maximumFractionDigits: 1 })}`)
      : null;
  return [list, ...(average ? [average] : [])];
}
