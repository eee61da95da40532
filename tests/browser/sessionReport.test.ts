import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeReport } from '../../scripts/report.ts';
import type { SessionReport } from '../../src/server/report/reportModel.ts';
import { startServer, type RunningServer } from '../../src/server/startServer.ts';
import type { Deck, Poll } from '../../src/shared/deck.ts';
import { axeViolations } from '../helpers/axe.ts';
import { launchBrowser, screenshotDir } from '../helpers/browser.ts';
import { approveAnswer, newRound, rejectAnswer } from '../helpers/consoleActions.ts';
import { freePort, goToSlide, slideCounts, slideOf, watchProblems } from '../helpers/deckPages.ts';
import { describeWithPoppler, flat, pageTexts, pdfInfo } from '../helpers/pdf.ts';
import { answerOnPhone, type PhoneAnswer } from '../helpers/phoneAnswers.ts';
import { DIST } from '../helpers/serveDist.ts';
import { createRoom, joinRoom } from '../server/helpers/rooms.ts';

// A whole session as it runs (the presenter console with a plan, three phone-sized pages) with every poll
// type, two rounds of one poll, approved, rejected and waiting answers; then the report of it from the
// server (counts and the agenda as run checked against the database), the Verslag download from the
// console's Trainer menu, `npm run report` with its PDF read back by pdftotext, two rooms summed, and
// the phone's take-home.

const shots = screenshotDir('screenshots');
const deck = JSON.parse(readFileSync(join(DIST, 'deck.json'), 'utf8')) as Deck;
const PLAN = 'hele-dag';

function pollById(id: string): Poll {
  const found = [
    ...deck.opening,
    ...deck.blocks,
    ...deck.cases,
    ...deck.closing,
    ...deck.plans.flatMap((p) => p.slides),
  ]
    .flatMap((part) => part.polls)
    .find((poll) => poll.id === id);
  if (!found) throw new Error(`the deck has no poll ${id}`);
  return found;
}

const groupCase = deck.cases.find((story) => story.polls.some((poll) => poll.type === 'group'));
const POLLS = {
  role: pollById('start-rol'),
  open: pollById('check-in-vraag'),
  scale: pollById('maatwerk-nu'),
  words: pollById('maatwerk-woord'),
  multiple: pollById('arbeidscontracten-ontbreekt'),
  group: groupCase?.polls.find((poll) => poll.type === 'group') as Poll,
  ranking: pollById(`reflectie-thema-${PLAN}`),
  evaluation: pollById('evaluatie-nut'),
  apply: pollById('evaluatie-toepassen'),
};

const TEXT = {
  approved: 'Hoe vind ik werkgevers die willen meedenken?',
  rejected: 'AFGEWEZEN antwoord van een deelnemer',
  waiting: 'WACHTEND antwoord van een deelnemer',
  group: { group: 'Tafel 1', text: 'Laat het diploma van Nahom waarderen.' },
  rejectedGroup: { group: 'Tafel 2', text: 'AFGEWEZEN groepsantwoord' },
  actionPlan: 'Ik bel maandag de werkgever van Amina.',
};

describeWithPoppler('the session report of a real session, and the take-home on the phone', () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir: string;
  let outDir: string;
  let presenter: Page;
  const phones: Page[] = [];
  const problems: string[] = [];
  let room = '';
  let key = '';
  /** The plan's parts the console went through, in order: the agenda as run. */
  const parts: string[] = [];

  /** The part of the slide on the console's stage. */
  const partOnStage = () =>
    presenter.$eval(
      '.console-stage section.present:not(.stack)',
      (slide) => slide.closest<HTMLElement>('section[data-part]')?.dataset.part ?? '',
    );

  /** The console moves to a slide, as a trainer's jump does; a new part of the plan is noted. */
  async function visit(slide: string): Promise<void> {
    await goToSlide(presenter, slide);
    const part = await partOnStage();
    if (part !== parts.at(-1)) parts.push(part);
  }

  /** The console shows the poll; each phone with an answer answers it. */
  async function run(poll: Poll, answers: (PhoneAnswer | null)[]): Promise<string> {
    const slide = await slideOf(presenter, poll);
    await visit(slide);
    let voters = 0;
    for (const [k, answer] of answers.entries()) {
      const phone = phones[k];
      if (!phone || !answer) continue;
      await phone.waitForSelector(`form.poll-form.poll-${poll.type}`);
      await answerOnPhone(phone, poll.type, answer);
      await slideCounts(presenter, slide, ++voters);
    }
    return slide;
  }

  const fetchReport = async (format: 'html' | 'json', code = room, secret = key) => {
    const response = await fetch(`${server.url}/api/rooms/${code}/report.${format}`, {
      headers: { Authorization: `Bearer ${secret}` },
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'report-test-'));
    outDir = mkdtempSync(join(tmpdir(), 'report-out-'));
    const port = await freePort();
    server = await startServer({
      port,
      host: '127.0.0.1',
      dataDir,
      distDir: DIST,
      publicUrl: `http://127.0.0.1:${port}`,
      retentionDays: 30,
    });
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    presenter = await context.newPage();
    watchProblems(presenter, 'presenter', problems);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  test('a session with every poll type, two rounds, approved, rejected and waiting answers', async () => {
    await presenter.goto(`${server.url}/?plan=${PLAN}#/welkom`);
    await presenter.waitForSelector('.console-stage #welkom .join-panel.has-room .qr-code');
    parts.push(await partOnStage());
    ({ room, key } = JSON.parse((await presenter.evaluate(() => localStorage.getItem('deck-presenter-room'))) ?? '{}'));
    const link = (await presenter.getAttribute('#welkom .join-link', 'href')) ?? '';
    for (let k = 0; k < 3; k++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
      const phone = await context.newPage();
      watchProblems(phone, `phone ${k + 1}`, problems);
      await phone.goto(link);
      phones.push(phone);
    }

    await run(POLLS.role, [{ pick: [0] }, { pick: [1] }, { pick: [0] }]);
    const open = await run(POLLS.open, [{ text: TEXT.approved }, { text: TEXT.rejected }, { text: TEXT.waiting }]);
    await presenter.locator('.console-moderation li.waiting').nth(2).waitFor();
    await approveAnswer(presenter, TEXT.approved);
    await rejectAnswer(presenter, TEXT.rejected);
    await presenter.waitForFunction((id) => document.querySelectorAll(`#${id} .answer-wall li`).length === 1, open);
    expect(await presenter.textContent(`#${open} .answer-wall`)).toContain(TEXT.approved);
    await presenter.screenshot({ path: join(shots, 'session-console-moderation.png') });

    const scale = await run(POLLS.scale, [{ point: 2 }, { point: 3 }, { point: 3 }]);
    await newRound(presenter, scale, 2);
    for (const [k, point] of [4, 5].entries()) {
      const phone = phones[k] as Page;
      await phone.waitForSelector('form.poll-form.poll-scale');
      await answerOnPhone(phone, 'scale', { point });
      await slideCounts(presenter, scale, k + 1);
    }

    await run(POLLS.words, [{ text: 'Taal' }, { text: 'taal!' }, { text: 'geduld' }]);
    await run(POLLS.multiple, [{ pick: [0, 1] }, { pick: [1] }, null]);

    // The groups send their answers on the exercise slide; the wall is on the slide after it.
    await visit(`${groupCase?.slug}-opdracht`);
    for (const [k, answer] of [TEXT.group, TEXT.rejectedGroup].entries()) {
      const phone = phones[k] as Page;
      await phone.fill('form.poll-group input[name="group"]', answer.group);
      await phone.fill('form.poll-group textarea', answer.text);
      await phone.click('form.poll-group button[type="submit"]');
      await phone.waitForSelector('text=Je antwoord is ontvangen');
    }
    const wall = await slideOf(presenter, POLLS.group);
    await visit(wall);
    await presenter.locator('.console-moderation li.waiting').nth(1).waitFor();
    await approveAnswer(presenter, TEXT.group.text);
    await rejectAnswer(presenter, TEXT.rejectedGroup.text);

    await run(POLLS.ranking, [{ moves: [] }, { moves: [[1, -1]] }, { moves: [[1, -1]] }]);
    await run(POLLS.evaluation, [{ point: 4 }, { point: 5 }, null]);
    await run(POLLS.apply, [{ text: TEXT.actionPlan }, null, null]);
    await approveAnswer(presenter, TEXT.actionPlan);

    // The console told the server each part of the plan as it started (plan-part), and only those.
    const stored = () => {
      const db = new Database(join(dataDir, 'polls.db'), { readonly: true });
      const rows = db.prepare('SELECT part FROM plan_parts WHERE room = ? ORDER BY id').all(room) as { part: string }[];
      db.close();
      return rows.map((row) => row.part);
    };
    expect(parts[0]).toBe('slide-welkom');
    expect(parts.length).toBeGreaterThan(5);
    await expect.poll(stored).toEqual(parts);
    expect(problems).toEqual([]);
  });

  test('the take-home on the phone shows its own answers and action plan, and saves them as a file', async () => {
    const phone = phones[0] as Page;
    const takeHome = phone.locator('#take-home');
    await takeHome.waitFor();
    const text = (await takeHome.textContent()) ?? '';
    expect(text).toContain('Om mee te nemen');
    expect(text).toContain('Jouw actieplan');
    expect(text).toContain(TEXT.actionPlan);
    expect(text).toContain(TEXT.approved);
    expect(text).toContain(POLLS.role.options[0]);
    // The second phone's answers are its own.
    expect(text).not.toContain(TEXT.rejected);
    const other = (await phones[1]?.locator('#take-home').textContent()) ?? '';
    expect(other).toContain(TEXT.rejected);
    expect(other).not.toContain(TEXT.actionPlan);

    expect(await axeViolations(phone)).toEqual([]);
    await takeHome.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(shots, 'take-home-phone.png'), fullPage: true });

    const [download] = await Promise.all([
      phone.waitForEvent('download'),
      takeHome.getByRole('button', { name: 'Bewaar als bestand' }).click(),
    ]);
    const file = readFileSync((await download.path()) ?? '', 'utf8');
    expect(file).toContain('Mijn antwoorden bij de training');
    expect(file).toContain(TEXT.actionPlan);
    expect(file).toContain(POLLS.evaluation.question);
  });

  test('the report holds each poll with the counts of the database, no rejected text and no participant id', async () => {
    const html = await fetchReport('html');
    const db = new Database(join(dataDir, 'polls.db'), { readonly: true });
    const rounds = db
      .prepare(
        'SELECT poll, round, count(*) AS voters FROM votes WHERE room = ? GROUP BY poll, round ORDER BY poll, round',
      )
      .all(room) as { poll: string; round: number; voters: number }[];
    const participants = db.prepare('SELECT DISTINCT participant FROM votes WHERE room = ?').all(room) as {
      participant: string;
    }[];
    db.close();

    const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
    const page = await context.newPage();
    const refused: string[] = [];
    await page.route('**/*', (route) => (refused.push(route.request().url()), route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const shown = await page.$$eval('section.poll', (sections) =>
      sections.map((section) => ({
        id: section.id.replace(/^poll-/, ''),
        voters: [...section.querySelectorAll('.voters')].map((line) => line.textContent ?? ''),
      })),
    );
    for (const poll of Object.values(POLLS)) {
      const stored = rounds.filter((round) => round.poll === poll.id);
      const section = shown.find((candidate) => candidate.id === poll.id);
      expect(section?.voters, poll.id).toEqual(
        stored.map((round) =>
          round.voters === 1 ? '1 deelnemer gaf antwoord.' : `${round.voters} deelnemers gaven antwoord.`,
        ),
      );
    }
    expect(shown.find((section) => section.id === POLLS.scale.id)?.voters).toHaveLength(2);
    for (const hidden of [TEXT.rejected, TEXT.waiting, TEXT.rejectedGroup.text, room, key]) {
      expect(html).not.toContain(hidden);
    }
    for (const { participant } of participants) expect(html).not.toContain(participant);
    expect(html).toContain(TEXT.approved);
    expect(html).toContain(TEXT.group.text);
    // The closing polls come first: the summary.
    expect(html.indexOf(POLLS.evaluation.question)).toBeLessThan(
      html.indexOf(POLLS.role.question, html.indexOf('Samenvatting')),
    );
    expect(await page.textContent('.facts')).toContain('Hele dag');

    // The agenda as run: the parts the console went through, each by its label in the plan.
    const [session] = (JSON.parse(await fetchReport('json')) as SessionReport).sessions;
    expect(session?.agenda.map((run) => run.part)).toEqual(parts);
    const labels = session?.agenda.map((run) => run.label) ?? [];
    labels.forEach((label, k) => expect(label).not.toBe(parts[k]));
    expect(await page.$$eval('.agenda-run tbody th', (cells) => cells.map((cell) => cell.textContent))).toEqual(labels);

    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(shots, 'report-cover.png') });
    await page.locator(`#poll-${POLLS.scale.id}`).screenshot({ path: join(shots, 'report-poll-two-rounds.png') });
    await page.locator(`#poll-${POLLS.ranking.id}`).screenshot({ path: join(shots, 'report-poll-ranking.png') });
    expect(refused).toEqual([]);
    await context.close();
  });

  test("the console's Trainer menu downloads the same report (Verslag)", async () => {
    await presenter.click('.console-toolbar .trainer-menu-button');
    const menu = presenter.getByRole('dialog', { name: 'Trainersmenu' });
    await menu.waitFor();
    const [download] = await Promise.all([
      presenter.waitForEvent('download'),
      menu.getByRole('button', { name: /^Verslag/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^verslag-${room}-\\d{4}-\\d{2}-\\d{2}\\.html$`));
    const file = readFileSync((await download.path()) ?? '', 'utf8');
    expect(file).toMatch(/^<!doctype html>/);
    expect(file).toContain(`<h1>${deck.title}</h1>`);
    expect(file).toContain(TEXT.approved);
    expect(file).not.toContain(TEXT.rejected);
    await presenter.keyboard.press('Escape');
  });

  test('npm run report: HTML, an A4 PDF with the expected pages, and two rooms summed in the research JSON', async () => {
    const second = await createRoom(server.url);
    await second.presenter.request({ type: 'show', poll: POLLS.role.id });
    const votes = [1, 1, 2];
    for (const value of votes) {
      const phone = await joinRoom(server.url, second.room);
      await phone.client.request({ type: 'vote', poll: POLLS.role.id, value });
      phone.client.close();
    }
    second.presenter.close();

    const first = JSON.parse(await fetchReport('json')) as SessionReport;
    const files = await writeReport({
      codes: [room, second.room],
      keys: [key, second.key],
      server: server.url,
      outDir,
    });
    const both = JSON.parse(readFileSync(files.json, 'utf8')) as SessionReport;
    expect(both.sessions).toHaveLength(2);
    const roles = (report: SessionReport) => report.polls.find((poll) => poll.poll === POLLS.role.id)?.rounds[0];
    const alone = roles(first);
    expect(roles(both)).toEqual({
      round: 1,
      sessions: 2,
      voters: (alone?.voters ?? 0) + votes.length,
      results: {
        kind: 'counts',
        counts: POLLS.role.options.map(
          (_, k) =>
            (alone?.results.kind === 'counts' ? (alone.results.counts[k] ?? 0) : 0) +
            votes.filter((v) => v === k).length,
        ),
      },
    });
    expect(readFileSync(files.html, 'utf8')).toContain('<dt>Sessies</dt><dd>2</dd>');

    const info = pdfInfo(files.pdf);
    expect(info.width).toBeCloseTo(595, -1);
    expect(info.height).toBeCloseTo(842, -1);
    const pages = pageTexts(files.pdf).filter((text) => text.length > 0);
    // A cover, the agenda as run, the summary, and the polls on the pages after it, each part on a new page.
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(info.pages).toBe(pages.length);
    expect(pages[0]).toContain(flat('Verslag van de training'));
    expect(pages[0]).toContain(flat(deck.title));
    expect(pages[0]).toContain(flat('Wie waren er?'));
    expect(pages[1]?.startsWith(flat('Hoe de training liep'))).toBe(true);
    const summary = pages.findIndex((text) => text.startsWith(flat('Samenvatting: wat neemt de groep mee?')));
    expect(summary).toBeGreaterThan(1);
    expect(pages[summary]).toContain(flat(POLLS.ranking.question));
    expect(pages.slice(summary).join('').indexOf(flat(POLLS.evaluation.question))).toBeGreaterThan(0);
    expect(pages.some((text) => text.startsWith(flat('Alle vragen tijdens de training')))).toBe(true);
    const all = pages.join('');
    for (const poll of Object.values(POLLS)) expect(all, poll.id).toContain(flat(poll.question));
    expect(all).not.toContain(flat(TEXT.rejected));
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '5', files.pdf, join(shots, 'report-pdf')]);
  });
});
