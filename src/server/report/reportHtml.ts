import { readFileSync } from 'node:fs';
import { escapeMarkup as e } from '../../shared/charts/markup.ts';
import type { ReportSession, SessionReport } from './reportModel.ts';
import { pollSection, rolesTable } from './reportPolls.ts';

// The session report as one HTML file: inline style sheets and SVG, nothing from another host, so it
// opens from disk and prints on A4 (the same file becomes the PDF). The cover first, then the closing
// polls as the summary an organisation reads first, then every poll in the order shown.

const sheet = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
/** The palette, the charts' own style (as on the slides) and the report's layout. */
const STYLE = [
  sheet('../../shared/tokens.css'),
  sheet('../../shared/visuallyHidden.css'),
  sheet('../../shared/charts/charts.css'),
  sheet('./report.css'),
].join('\n');

const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const clock = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

const dayOf = (date: string): string => longDate.format(new Date(`${date}T12:00:00Z`));

function datesLine(sessions: ReportSession[]): string {
  const days = [...new Set(sessions.map((session) => session.date))].sort();
  if (days.length === 1) return dayOf(days[0] ?? '');
  return `${dayOf(days[0] ?? '')} tot en met ${dayOf(days.at(-1) ?? '')}`;
}

const total = (sessions: ReportSession[], pick: (session: ReportSession) => number): number =>
  sessions.reduce((sum, session) => sum + pick(session), 0);

function agendaTable(session: ReportSession): string {
  if (session.agenda.length === 0) return '';
  const rows = session.agenda
    .map(
      (run) =>
        `<tr><td>${clock.format(new Date(run.startedAt))}</td><th scope="row">${e(run.label)}</th>` +
        `<td>${run.plannedMinutes === null ? '–' : `${run.plannedMinutes} min`}</td>` +
        `<td>${run.minutes === null ? '–' : `${run.minutes} min`}</td></tr>`,
    )
    .join('');
  return (
    `<table class="data-table agenda"><caption>Agenda zoals uitgevoerd${session.plan ? `: ${e(session.plan.title)}` : ''} (${dayOf(session.date)})</caption>` +
    `<thead><tr><th scope="col">Begin</th><th scope="col">Onderdeel</th><th scope="col">Gepland</th><th scope="col">Duurde</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}

function cover(report: SessionReport): string {
  const { sessions } = report;
  const plans = [...new Set(sessions.flatMap((session) => (session.plan ? [session.plan.title] : [])))];
  const roles = report.polls.find((poll) => poll.roles);
  const facts = [
    ['Datum', datesLine(sessions)],
    ...(sessions.length > 1 ? [['Sessies', String(sessions.length)]] : []),
    ['Plan', plans.length > 0 ? plans.join(', ') : 'De hele training (geen plan gekozen)'],
    ['Meeste deelnemers tegelijk verbonden', String(total(sessions, (s) => s.participants.peakConnected))],
    ['Deelnemers die minstens één vraag beantwoordden', String(total(sessions, (s) => s.participants.answered))],
  ]
    .map(([term, value]) => `<div><dt>${e(term ?? '')}</dt><dd>${e(value ?? '')}</dd></div>`)
    .join('');
  const peakNote =
    sessions.length > 1 ? '<p class="note">De aantallen deelnemers zijn de optelsom van alle sessies.</p>' : '';
  return (
    `<header class="cover"><p class="kicker">Verslag van de training</p><h1>${e(report.deck.title)}</h1>` +
    `<p class="subtitle">${e(report.deck.subtitle)}</p><dl class="facts">${facts}</dl>${peakNote}` +
    (roles ? `<section class="roles"><h2>Wie waren er?</h2>${rolesTable(roles)}</section>` : '') +
    `<p class="privacy">Dit verslag bevat geen namen. Open antwoorden staan er alleen in als de trainer ze heeft goedgekeurd.</p></header>`
  );
}

/** The agenda as run, on a page of its own: a whole day's plan does not fit on the cover. */
function agendaPart(sessions: ReportSession[]): string {
  if (!sessions.some((session) => session.agenda.length > 0)) return '';
  return (
    `<section class="part agenda-run" aria-labelledby="verloop"><h2 id="verloop">Hoe de training liep</h2>` +
    `<p class="lead">Wanneer elk onderdeel begon, en hoe lang het duurde tot het volgende begon.</p>${sessions.map(agendaTable).join('')}</section>`
  );
}

/** The report as a complete HTML document. */
export function renderReport(report: SessionReport): string {
  const sessions = report.sessions.length;
  const closing = report.polls.filter((poll) => poll.closing);
  const others = report.polls.filter((poll) => !poll.closing);
  const summary =
    closing.length > 0
      ? `<section class="part summary" aria-labelledby="samenvatting"><h2 id="samenvatting">Samenvatting: wat neemt de groep mee?</h2>` +
        `<p class="lead">De vragen aan het eind van de training: reflectie, actieplan en evaluatie.</p>` +
        `${closing.map((poll) => pollSection(poll, sessions)).join('')}</section>`
      : '';
  const all =
    others.length > 0
      ? `<section class="part all-polls" aria-labelledby="alle-polls"><h2 id="alle-polls">Alle vragen tijdens de training</h2>` +
        `<p class="lead">In de volgorde waarin ze aan bod kwamen.</p>${others.map((poll) => pollSection(poll, sessions)).join('')}</section>`
      : '';
  const empty = report.polls.length === 0 ? '<p class="lead">In deze sessie is geen enkele vraag gesteld.</p>' : '';
  return (
    `<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Verslag: ${e(report.deck.title)} (${e(datesLine(report.sessions))})</title><style>${STYLE}</style></head>` +
    `<body><main>${cover(report)}${agendaPart(report.sessions)}${summary}${all}${empty}</main>` +
    `<footer><p>Gemaakt op ${longDate.format(new Date(report.madeAt))} met de poll-server van deze training.</p></footer></body></html>\n`
  );
}
