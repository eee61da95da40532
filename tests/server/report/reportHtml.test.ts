import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderReport } from '../../../src/server/report/reportHtml.ts';
import type { SessionReport } from '../../../src/server/report/reportModel.ts';
import { PROJECT_ROOT } from '../../helpers/buildDeck.ts';

// The report's HTML: one file with everything inline, every poll with its numbers, and text typed by
// participants as text.

const REPORT: SessionReport = {
  format: 'werkzame-factoren-verslag',
  version: 1,
  deck: { title: 'Werkzame factoren', subtitle: 'Een workshop' },
  madeAt: '2026-03-13T09:00:00.000Z',
  sessions: [
    {
      date: '2026-03-12',
      plan: { id: 'dagdeel', title: 'Dagdeel' },
      agenda: [
        { part: 'slide-welkom', label: 'Welkom', plannedMinutes: 2, startedAt: '2026-03-12T12:00:00.000Z', minutes: 4 },
        {
          part: 'block-1',
          label: 'Bouwsteen 1: Maatwerk',
          plannedMinutes: 12,
          startedAt: '2026-03-12T12:04:00.000Z',
          minutes: null,
        },
      ],
      participants: { peakConnected: 14, answered: 12 },
    },
  ],
  polls: [
    {
      poll: 'start-rol',
      type: 'single',
      question: 'Vanuit welke rol ben je hier?',
      options: ['Gemeente', 'Werkgever'],
      closing: false,
      roles: true,
      rounds: [{ round: 1, sessions: 1, voters: 9, results: { kind: 'counts', counts: [7, 2] } }],
    },
    {
      poll: 'maatwerk-nu',
      type: 'scale',
      question: 'Hoeveel maatwerk bieden jullie nu?',
      options: ['1', '2', '3'],
      scale: { min: 1, max: 3, labels: ['Weinig', 'Veel'] },
      closing: false,
      roles: false,
      rounds: [
        { round: 1, sessions: 1, voters: 4, results: { kind: 'scale', counts: [2, 1, 1], average: 1.75 } },
        { round: 2, sessions: 1, voters: 5, results: { kind: 'scale', counts: [0, 2, 3], average: 2.6 } },
      ],
    },
    {
      poll: 'woord',
      type: 'wordcloud',
      question: 'Welk woord?',
      options: [],
      closing: false,
      roles: false,
      rounds: [{ round: 1, sessions: 1, voters: 3, results: { kind: 'words', words: [{ word: 'taal', count: 3 }] } }],
    },
    {
      poll: 'eerste-stap',
      type: 'open',
      question: 'Welke eerste stap zet jij?',
      options: [],
      closing: true,
      roles: false,
      rounds: [
        {
          round: 1,
          sessions: 1,
          voters: 2,
          results: { kind: 'answers', answers: [{ text: '<script>alert(1)</script>' }, { text: 'مرحبا' }] },
        },
      ],
    },
  ],
};

test('the report is one HTML file without outside loads, with each poll, its rounds and its numbers', () => {
  const html = renderReport(REPORT);
  const dir = join(PROJECT_ROOT, 'test-results', 'report');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'unit-report.html'), html);

  expect(html).toMatch(/^<!doctype html>/);
  expect(html).not.toMatch(/<(link|script|img|iframe)\b/i);
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  expect(html).toContain('<h1>Werkzame factoren</h1>');
  expect(html).toContain('12 maart 2026');
  // The cover: who took part and the agenda as run.
  expect(html).toMatch(/Meeste deelnemers tegelijk verbonden<\/dt><dd>14</);
  expect(html).toMatch(/minstens één vraag beantwoordden<\/dt><dd>12</);
  expect(html).toMatch(/<th scope="row">Bouwsteen 1: Maatwerk<\/th><td>12 min<\/td><td>–<\/td>/);
  expect(html).toMatch(/<th scope="row" dir="auto">Gemeente<\/th><td>7<\/td>/);
  // Two rounds side by side, each with its count and average.
  expect(html).toContain('rounds-side-by-side');
  expect(html).toContain('<h4>Ronde 1</h4>');
  expect(html).toContain('<h4>Ronde 2</h4>');
  expect(html).toContain('4 deelnemers gaven antwoord.');
  expect(html).toContain('Gemiddeld: <strong>2,6</strong>');
  // The same SVG as on the slides: the bar of 7 of 9 people is filled to 7/9.
  expect(html).toContain(`transform: scaleX(${7 / 9})`);
  // The closing polls come first, as the summary.
  expect(html.indexOf('Welke eerste stap zet jij?')).toBeLessThan(html.indexOf('Hoeveel maatwerk'));
  // Typed text is text.
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(html).toContain('<p dir="auto">مرحبا</p>');
});
