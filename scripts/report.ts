// `npm run report -- CODE [CODE…] --key KEY [--key KEY…] [--server URL] [--out DIR]`: the session report
// of one room, or of several rooms of the same deck together (one plan run several times), from a
// running poll server. Writes to dist/reports/ (or --out): verslag-….html (one file, opens from disk),
// verslag-….pdf (A4, printed by Chromium as `npm run export:pdf` does) and verslag-….json (the anonymous
// data for research, docs/report.md). Each room needs its presenter key or remote-control token, given
// in the order of the codes with --key, or in REPORT_KEYS (comma-separated); the server in --server or
// POLL_SERVER_URL (default http://127.0.0.1:8080).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { combineReports } from '../src/server/report/combineReports.ts';
import { renderReport } from '../src/server/report/reportHtml.ts';
import { REPORT_FORMAT, type SessionReport } from '../src/server/report/reportModel.ts';
import { findChromium, launchChromium } from './chromium.ts';
import { PROJECT_ROOT } from './export-pdf.ts';

const MARGIN = { top: '16mm', right: '15mm', bottom: '18mm', left: '15mm' };

export interface ReportOptions {
  codes: string[];
  /** One per code, in the same order. */
  keys: string[];
  server: string;
  /** The folder to write to; the default is dist/reports. */
  outDir?: string;
  chromePath?: string;
  log?: (line: string) => void;
}

export interface ReportFiles {
  html: string;
  pdf: string;
  json: string;
  report: SessionReport;
}

/** One room's report data from the server, with its key in a header (never in the address). */
async function fetchReport(server: string, code: string, key: string): Promise<SessionReport> {
  const url = new URL(`/api/rooms/${encodeURIComponent(code)}/report.json`, server);
  const response = await fetch(url, { headers: { Authorization: `Bearer ${key}` } }).catch((error: unknown) => {
    throw new Error(
      `De pollserver op ${server} is niet bereikbaar (${error instanceof Error ? error.message : error}).`,
    );
  });
  if (response.status === 401) {
    throw new Error(`Sessie ${code}: de code of de sleutel klopt niet, of de sessie is al verwijderd.`);
  }
  if (!response.ok) throw new Error(`Sessie ${code}: de pollserver antwoordde ${response.status}.`);
  const report = (await response.json()) as SessionReport;
  if (report.format !== REPORT_FORMAT) throw new Error(`Sessie ${code}: dit is geen verslag van deze pollserver.`);
  return report;
}

/** The HTML as an A4 PDF with page numbers; nothing may load from anywhere. */
async function printPdf(html: string, title: string, path: string, chromePath?: string): Promise<void> {
  const executablePath = findChromium(chromePath);
  if (!executablePath)
    throw new Error('Geen Chromium gevonden: installeer het (apt-get install chromium) of zet CHROME_PATH.');
  const browser = await launchChromium(executablePath);
  try {
    const context = await browser.newContext();
    const refused: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith('data:')) return route.continue();
      refused.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const escaped = title.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
    await page.pdf({
      path,
      format: 'A4',
      printBackground: true,
      margin: MARGIN,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        `<div style="width:100%;margin:0 ${MARGIN.right} 0 ${MARGIN.left};display:flex;justify-content:space-between;` +
        `font:7.5pt 'Noto Sans','Liberation Sans',Arial,sans-serif;color:#3d4a63"><span>Verslag · ${escaped}</span>` +
        `<span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>`,
    });
    if (refused.length > 0) throw new Error(`het verslag wilde iets van elders laden: ${refused.join(', ')}`);
  } finally {
    await browser.close();
  }
}

export async function writeReport(options: ReportOptions): Promise<ReportFiles> {
  const { codes, keys, server } = options;
  const log = options.log ?? (() => undefined);
  if (codes.length === 0) throw new Error('Geef de code van minstens één sessie: npm run report -- CODE --key SLEUTEL');
  if (keys.length !== codes.length) {
    throw new Error(
      `Geef voor elke sessie een sleutel (--key), in dezelfde volgorde: ${codes.length} codes, ${keys.length} sleutels.`,
    );
  }
  const reports = [];
  for (const [k, code] of codes.entries()) {
    log(`sessie ${code} ophalen…`);
    reports.push(await fetchReport(server, code, keys[k] ?? ''));
  }
  const report = combineReports(reports);
  const outDir = resolve(options.outDir ?? join(PROJECT_ROOT, 'dist', 'reports'));
  mkdirSync(outDir, { recursive: true });
  const name = `verslag-${report.sessions[0]?.date ?? 'sessie'}-${codes.join('-')}`;
  const files = {
    html: join(outDir, `${name}.html`),
    pdf: join(outDir, `${name}.pdf`),
    json: join(outDir, `${name}.json`),
  };
  const html = renderReport(report);
  writeFileSync(files.html, html);
  writeFileSync(files.json, JSON.stringify(report, null, 2) + '\n');
  log('de PDF printen…');
  await printPdf(html, report.deck.title, files.pdf, options.chromePath);
  log(`geschreven:\n${files.html}\n${files.pdf}\n${files.json}`);
  return { ...files, report };
}

/** The command line: codes, then --key (repeated), --server and --out. */
export function parseArguments(argv: string[], env: NodeJS.ProcessEnv): ReportOptions {
  const codes: string[] = [];
  const keys: string[] = [];
  let server = env.POLL_SERVER_URL ?? 'http://127.0.0.1:8080';
  let outDir: string | undefined;
  for (let k = 0; k < argv.length; k++) {
    const argument = argv[k] ?? '';
    const value = (): string => {
      const next = argv[++k];
      if (next === undefined) throw new Error(`${argument} heeft een waarde nodig`);
      return next;
    };
    if (argument === '--key') keys.push(value());
    else if (argument === '--server') server = value();
    else if (argument === '--out') outDir = value();
    else if (argument.startsWith('--')) throw new Error(`onbekende optie ${argument}`);
    else codes.push(argument.toUpperCase());
  }
  if (keys.length === 0 && env.REPORT_KEYS) keys.push(...env.REPORT_KEYS.split(',').map((key) => key.trim()));
  return { codes, keys, server, outDir };
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  Promise.resolve()
    .then(() =>
      writeReport({ ...parseArguments(process.argv.slice(2), process.env), log: (line) => console.log(line) }),
    )
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
