import { choiceChartSvg, choiceTable, rankingChartSvg, rankingTable } from '../../shared/charts/barCharts.ts';
import { formatDecimal } from '../../shared/charts/chartText.ts';
import { escapeMarkup as e, toMarkup, type ChartTable } from '../../shared/charts/markup.ts';
import { scaleChartSvg, scaleTable } from '../../shared/charts/scaleChart.ts';
import { wordCloudWords } from '../../shared/charts/wordCloudLayout.ts';
import type { Poll, ScalePoll } from '../../shared/deck.ts';
import type { ReportPoll, ReportRound } from './reportModel.ts';

// One poll of the session report: its question, and each round with its count, the chart as on the
// slide (the same SVG code, src/shared/charts) and a data table beside it. Everything a participant
// typed is escaped and marked `dir="auto"`, so an Arabic answer reads right to left.

/** The report's poll as the chart code takes it (a poll of the deck, with only what the charts read). */
function asPoll(poll: ReportPoll): Poll {
  const base = { id: poll.poll, question: poll.question, options: poll.options, hidden: false };
  if (poll.type === 'scale' && poll.scale) return { ...base, type: 'scale', ...poll.scale };
  if (poll.type === 'multiple') return { ...base, type: 'multiple', max: poll.options.length };
  if (poll.type === 'ranking') return { ...base, type: 'ranking' };
  return { ...base, type: 'single' };
}

function table({ caption, headings, rows }: ChartTable): string {
  const head = headings.map((heading) => `<th scope="col">${e(heading)}</th>`).join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${row.map((cell, k) => (k === 0 ? `<th scope="row" dir="auto">${e(String(cell))}</th>` : `<td>${e(String(cell))}</td>`)).join('')}</tr>`,
    )
    .join('');
  return `<table class="data-table"><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const people = (n: number): string => (n === 1 ? '1 deelnemer' : `${n} deelnemers`);

/** `12 deelnemers gaven antwoord` (in 2 sessies). */
function answeredLine(round: ReportRound, sessions: number): string {
  const inSessions = sessions > 1 ? ` in ${round.sessions} van de ${sessions} sessies` : '';
  return round.voters === 0
    ? `Niemand gaf antwoord${inSessions}.`
    : `${people(round.voters)} ${round.voters === 1 ? 'gaf' : 'gaven'} antwoord${inSessions}.`;
}

/** The chart (SVG, hidden from screen readers) and the table that says the same in words and numbers. */
function chartAndTable(poll: ReportPoll, round: ReportRound): string {
  const results = round.results;
  const chart = (svg: string, data: ChartTable) =>
    `<div class="chart-and-table"><div class="poll-chart">${svg}</div>${table(data)}</div>`;
  const shape = asPoll(poll);
  switch (results.kind) {
    case 'counts':
      return chart(
        toMarkup(choiceChartSvg(shape, results.counts, round.voters)),
        choiceTable(shape, results.counts, round.voters),
      );
    case 'ranking':
      return chart(toMarkup(rankingChartSvg(shape, results.scores)), rankingTable(shape, results.scores));
    case 'scale': {
      const scale = shape as ScalePoll;
      const average =
        results.average === null
          ? ''
          : `<p class="average">Gemiddeld: <strong>${formatDecimal(results.average)}</strong> (van ${scale.min} = ${e(scale.labels[0])} tot ${scale.max} = ${e(scale.labels[1])})</p>`;
      return (
        average +
        chart(
          toMarkup(scaleChartSvg(scale, results.counts, results.average)),
          scaleTable(scale, results.counts, results.average),
        )
      );
    }
    case 'words': {
      if (results.words.length === 0) return '<p class="empty">Geen woorden.</p>';
      const cloud = wordCloudWords(results.words)
        .map(
          (word) =>
            `<li style="font-size: ${word.size.toFixed(2)}em"><span dir="auto">${e(word.word)}</span><span class="visually-hidden"> (${word.count}×)</span></li>`,
        )
        .join('');
      return (
        `<div class="chart-and-table"><ul class="word-cloud" aria-label="Woordwolk">${cloud}</ul>` +
        table({
          caption: `Alle woorden, het vaakst genoemd bovenaan: ${poll.question}`,
          headings: ['Woord', 'Aantal keer'],
          rows: results.words.map(({ word, count }) => [word, count]),
        }) +
        '</div>'
      );
    }
    case 'answers': {
      if (results.answers.length === 0) return '<p class="empty">Geen goedgekeurde antwoorden.</p>';
      const count =
        results.answers.length === 1 ? '1 goedgekeurd antwoord' : `${results.answers.length} goedgekeurde antwoorden`;
      const items = results.answers
        .map(
          (answer) =>
            `<li>${answer.group ? `<p class="answer-group" dir="auto">${e(answer.group)}</p>` : ''}<p dir="auto">${e(answer.text)}</p></li>`,
        )
        .join('');
      return `<p class="answer-count">${count}:</p><ul class="answers">${items}</ul>`;
    }
  }
}

/** A poll with its rounds, side by side when there are several (before and after). */
export function pollSection(poll: ReportPoll, sessions: number): string {
  const several = poll.rounds.length > 1;
  const rounds = poll.rounds
    .map(
      (round) =>
        `<section class="round">${several ? `<h4>Ronde ${round.round}</h4>` : ''}` +
        `<p class="voters">${answeredLine(round, sessions)}</p>${chartAndTable(poll, round)}</section>`,
    )
    .join('');
  return (
    `<section class="poll poll-${poll.type}" id="poll-${e(poll.poll)}"><h3>${e(poll.question)}</h3>` +
    `<div class="rounds${several ? ' rounds-side-by-side' : ''}">${rounds}</div></section>`
  );
}

/** The roles from the role poll (its last round with answers) for the cover: the bars and a short table. */
export function rolesTable(poll: ReportPoll): string {
  const round = [...poll.rounds].reverse().find((candidate) => candidate.voters > 0);
  if (!round || round.results.kind !== 'counts') return '<p>Niemand gaf zijn rol op.</p>';
  const counts = round.results.counts;
  const shape = asPoll(poll);
  return (
    `<div class="chart-and-table"><div class="poll-chart">${toMarkup(choiceChartSvg(shape, counts, round.voters))}</div>` +
    table({
      caption: `${poll.question} (${people(round.voters)})`,
      headings: ['Rol', 'Aantal'],
      rows: poll.options.map((option, k) => [option, counts[k] ?? 0]),
    }) +
    '</div>'
  );
}
