import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { exportPdf, type ExportResult } from '../../scripts/export-pdf.ts';
import type { Deck } from '../../src/shared/deck.ts';
import { countSlides } from '../helpers/deckPages.ts';
import { screenshotDir } from '../helpers/browser.ts';
import { describeWithPoppler, flat, pageTexts, pdfInfo } from '../helpers/pdf.ts';
import { DIST } from '../helpers/serveDist.ts';

const dist = process.env.DECK_DIST ?? DIST;

describeWithPoppler('npm run export:pdf', () => {
  let result: ExportResult;
  let deck: Deck;

  beforeAll(async () => {
    result = await exportPdf({ distDir: dist });
    deck = JSON.parse(readFileSync(join(dist, 'deck.json'), 'utf8')) as Deck;
  });

  test('prints workshop.pdf with one 16:9 page per slide', () => {
    const slides = countSlides(readFileSync(join(dist, 'index.html'), 'utf8'));
    const info = pdfInfo(result.workshopPdf);
    expect(slides).toBeGreaterThan(deck.blocks.length);
    expect(result.slides).toBe(slides);
    expect(info.pages).toBe(slides);
    // 1280x720 CSS pixels are 960x540 points.
    expect(info.width).toBeCloseTo(960, 0);
    expect(info.height).toBeCloseTo(540, 0);
    expect(info.width / info.height).toBeCloseTo(16 / 9, 3);

    const text = pageTexts(result.workshopPdf);
    expect(text[0]).toContain(flat(deck.title));
    const first = deck.blocks[0];
    const page = text.findIndex((t) => t.includes(flat(first?.title ?? '-')));
    expect(page).toBeGreaterThan(0);
  });

  test('prints handout.pdf on A4 with every block, every case card and the quotes', () => {
    const info = pdfInfo(result.handoutPdf);
    expect(info.width).toBeCloseTo(595, -1);
    expect(info.height).toBeCloseTo(842, -1);
    // A cover, a page per block, a page per case card (a long block may take one more).
    expect(info.pages).toBeGreaterThanOrEqual(1 + deck.blocks.length + deck.cases.length);

    const pages = pageTexts(result.handoutPdf);
    const all = pages.join('');
    expect(pages[0]).toContain(flat(deck.source.title));
    expect(pages[0]).toContain(flat(deck.source.url));
    for (const block of deck.blocks) {
      expect(all, `block ${block.number}`).toContain(flat(block.title));
      expect(all, `a quote of block ${block.number}`).toContain(flat(block.quotes[0]?.text ?? ''));
      expect(all).toContain(flat(block.prompts[0] ?? ''));
    }
    // The action plan to fill in is one page, the last.
    const filled = pages.filter((text) => text.length > 0);
    expect(filled.at(-1)).toContain(flat('Mijn actieplan'));
    expect(filled.at(-2)).toContain(flat(`Casuskaart · casus ${deck.cases.at(-1)?.number}`));
    for (const story of deck.cases) {
      // A case card stays on one page: its heading and its last part are on the same page.
      const card = pages.find((text) => text.includes(flat(`Casuskaart · casus ${story.number}`)));
      expect(card, `the card of case ${story.number}`).toBeDefined();
      expect(card).toContain(flat(story.person));
      expect(card).toContain(flat(story.questions.at(-1) ?? ''));
      expect(card).toContain(flat('Aantekeningen van de groep'));
    }
  });

  test('the first handout pages, as pictures to look at', () => {
    const dir = screenshotDir('export');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', result.handoutPdf, join(dir, 'handout')]);
    const card = 1 + deck.blocks.length + 1;
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      `${card}`,
      '-l',
      `${card}`,
      result.handoutPdf,
      join(dir, 'case'),
    ]);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '2', result.workshopPdf, join(dir, 'slide')]);
  });

  test('--plan dagdeel prints only what the plan shows, and its handout with the action plan', async () => {
    const plan = deck.plans.find((p) => p.id === 'dagdeel');
    if (!plan) throw new Error('no plan dagdeel');
    const own = await exportPdf({ distDir: dist, plan: 'dagdeel' });
    expect(own.workshopPdf).toMatch(/workshop-dagdeel\.pdf$/);
    expect(own.handoutPdf).toMatch(/handout-dagdeel\.pdf$/);
    expect(own.slides).toBeLessThan(result.slides);
    expect(pdfInfo(own.workshopPdf).pages).toBe(own.slides);
    const slides = pageTexts(own.workshopPdf);
    expect(slides.some((text) => text.includes(flat('Agenda')))).toBe(true);

    const pages = pageTexts(own.handoutPdf).filter((text) => text.length > 0);
    const shown = plan.parts.flatMap((p) => (p.kind === 'block' ? [p.number] : []));
    const all = pages.join('');
    for (const block of deck.blocks) {
      expect(all.includes(flat(`Bouwsteen ${block.number} · `)), `block ${block.number}`).toBe(
        shown.includes(block.number),
      );
    }
    expect(pages[0]).toContain(flat(plan.goals[0] ?? ''));
    expect(pages.at(-1)).toContain(flat('Mijn actieplan'));
    const dir = screenshotDir('export');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', own.handoutPdf, join(dir, 'handout-dagdeel')]);
    const last = String(pages.length);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', last, '-l', last, own.handoutPdf, join(dir, 'actieplan')]);
  });
});
