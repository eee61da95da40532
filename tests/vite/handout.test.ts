import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPlans, readSlides } from '../../src/vite/readSlides.ts';
import { escapeHtml } from '../../src/vite/render/html.ts';
import { HANDOUT_CSS_FILE, renderHandout } from '../../src/vite/render/handout.ts';
import { loadDeck } from '../../src/content/loadDeck.ts';
import { loadPlans } from '../../src/content/loadPlans.ts';
import type { Deck } from '../../src/shared/deck.ts';
import { PROJECT_ROOT } from '../helpers/buildDeck.ts';

const { deckFile, slideFiles } = readSlides(PROJECT_ROOT, join(PROJECT_ROOT, 'slides'));
const deck = loadDeck(deckFile, slideFiles);
const html = renderHandout(deck);

/** The HTML of one article of the handout, by its id. */
function article(id: string): string {
  const at = html.indexOf(`id="${id}"`);
  expect(at, `no article ${id}`).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf('</article>', at));
}

describe('the handout of the real deck', () => {
  test('is a Dutch A4 page with the deck title and nothing to load from elsewhere', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(html).toContain(`<h1>${escapeHtml(deck.title)}</h1>`);
    expect(html).not.toMatch(/<(?:script|img|iframe|link|source|video|audio)\b/);
    expect(html).not.toMatch(/@import|@font-face|url\(/);
    expect(html).toMatch(/@page\s*{[^}]*size:\s*A4/);
  });

  test('names the source with the link to the report on its cover', () => {
    const cover = html.slice(html.indexOf('<section class="cover">'), html.indexOf('</section>'));
    expect(cover).toContain(`<cite>${escapeHtml(deck.source.title)}</cite>`);
    expect(cover).toContain(`href="${escapeHtml(deck.source.url)}"`);
    expect(cover).toContain(escapeHtml(deck.source.publisher));
    expect(cover).toContain(String(deck.source.year));
    for (const block of deck.blocks) expect(cover).toContain(escapeHtml(block.title));
    for (const story of deck.cases) expect(cover).toContain(escapeHtml(story.person));
  });

  test('gives every block its number, title, theme, summary, quotes with speakers and prompts', () => {
    expect(deck.blocks).toHaveLength(15);
    for (const block of deck.blocks) {
      const part = article(`bouwsteen-${block.number}`);
      const theme = deck.themes.find((t) => t.id === block.theme)?.title ?? '';
      expect(part).toContain(`Bouwsteen ${block.number} · ${escapeHtml(theme)}`);
      expect(part).toContain(escapeHtml(block.title));
      // The summary is rendered markdown: paragraphs, no markdown marks left.
      expect(part).toMatch(/<div class="summary"><p>/);
      for (const quote of block.quotes) {
        expect(part).toContain(`<p>${escapeHtml(quote.text)}</p></blockquote><figcaption>${escapeHtml(quote.speaker)}`);
      }
      expect(part.match(/<li>/g)).toHaveLength(block.prompts.length);
    }
  });

  test('gives every case a card with the story, its questions, its minutes and related blocks', () => {
    expect(deck.cases).toHaveLength(4);
    for (const story of deck.cases) {
      const card = article(`casus-${story.number}`);
      expect(card).toContain(`${escapeHtml(story.person)}: ${escapeHtml(story.title)}`);
      expect(card).toMatch(/<div class="story"><p>/);
      for (const question of story.questions) expect(card).toContain(escapeHtml(question).slice(0, 40));
      // The group's own time: the countdown on the exercise slide, not the whole case.
      expect(card).toContain(`Tijd voor de groep: <strong>${story.exerciseMinutes} minuten</strong>`);
      for (const number of story.blocks) {
        const block = deck.blocks.find((b) => b.number === number);
        expect(card).toContain(escapeHtml(block?.title ?? `bouwsteen ${number}`));
      }
    }
  });

  test('keeps a case card on one page and starts every block and card on a new one', () => {
    const css = readFileSync(HANDOUT_CSS_FILE, 'utf8');
    const rule = (selector: string) => new RegExp(`\\n${selector.replace('.', '\\.')} {[^}]*}`).exec(css)?.[0] ?? '';
    expect(rule('.case-card')).toMatch(/break-inside: avoid/);
    expect(rule('.case-card')).toMatch(/break-before: page/);
    expect(rule('.block')).toMatch(/break-before: page/);
    expect(rule('.quote')).toMatch(/break-inside: avoid/);
  });
});

describe('the handout of one plan', () => {
  const plans = loadPlans(readPlans(PROJECT_ROOT, join(PROJECT_ROOT, 'plans')), deck).plans;
  const dagdeel = plans.find((p) => p.id === 'dagdeel');
  if (!dagdeel) throw new Error('no plan dagdeel');
  const page = renderHandout({ ...deck, plans }, { plan: dagdeel, css: '' });
  const shown = new Set(dagdeel.parts.flatMap((p) => (p.kind === 'block' ? [p.number] : [])));
  const cases = new Set(dagdeel.parts.flatMap((p) => (p.kind === 'case' ? [p.number] : [])));

  test('has only the blocks and case cards the plan shows', () => {
    for (const block of deck.blocks) {
      expect(page.includes(`id="bouwsteen-${block.number}"`), `block ${block.number}`).toBe(shown.has(block.number));
    }
    for (const story of deck.cases) {
      expect(page.includes(`id="casus-${story.number}"`), `case ${story.number}`).toBe(cases.has(story.number));
    }
  });

  test('puts the plan, its goals and its agenda with clock times on the cover', () => {
    const cover = page.slice(page.indexOf('<section class="cover">'), page.indexOf('</section>'));
    expect(cover).toContain('Handout bij de workshop · Dagdeel');
    for (const goal of dagdeel.goals) expect(cover).toContain(escapeHtml(goal));
    expect(cover).toContain('<span class="time">13:00–13:02</span>');
    expect(cover).toContain('15:59–16:00</span> Deel deze training');
  });

  test('ends with an action plan to fill in, with the blocks of the plan to choose from', () => {
    const form = page.slice(page.indexOf('<section class="action-plan"'));
    expect(form).toContain('Mijn actieplan');
    expect(form.match(/<span class="box"/g)).toHaveLength(shown.size);
    expect(form).toContain('Met wie en wanneer?');
    // The whole deck's handout has the form too, with all fifteen blocks.
    expect(html.slice(html.indexOf('<section class="action-plan"')).match(/<span class="box"/g)).toHaveLength(15);
  });
});

describe('the handout renderer', () => {
  const [block, story] = [deck.blocks[0], deck.cases[0]];
  if (!block || !story) throw new Error('the deck has no blocks or no cases');
  const tricky: Deck = {
    ...deck,
    title: 'Werk & <b>school</b>',
    blocks: [
      {
        ...block,
        title: 'Titel met <script>alert(1)</script>',
        summary: 'Een **vette** zin met <img src=x onerror=alert(1)> erin.',
        quotes: [{ text: 'Ik zei: "<b>nee</b>" & ging', speaker: 'Deelnemer <VIP>' }],
        prompts: ['Wat vind *jij*? <i>x</i>'],
      },
    ],
    cases: [
      {
        ...story,
        person: 'Nahom <b>',
        story: 'Een verhaal met [een link](javascript:alert(1)) en _nadruk_.',
        blocks: [block.number],
        questions: ['Vraag <u>een</u>?'],
      },
    ],
  };
  const page = renderHandout(tricky, { css: 'body { color: black }' });

  test('renders markdown in summaries, stories and lists, and escapes everything else', () => {
    expect(page).toContain('<title>Werk &amp; &lt;b&gt;school&lt;/b&gt; — handout</title>');
    expect(page).toContain('Titel met &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<strong>vette</strong>');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page).toContain('Ik zei: &quot;&lt;b&gt;nee&lt;/b&gt;&quot; &amp; ging');
    expect(page).toContain('Deelnemer &lt;VIP&gt;');
    expect(page).toContain('Wat vind <em>jij</em>? &lt;i&gt;x&lt;/i&gt;');
    expect(page).toContain('Nahom &lt;b&gt;');
    expect(page).toContain('<em>nadruk</em>');
    expect(page).not.toMatch(/href="javascript:/);
    expect(page).toContain('Vraag &lt;u&gt;een&lt;/u&gt;?');
    expect(page).not.toMatch(/<(?:script|img|b|i|u)\b/);
  });

  test('uses the style sheet it is given', () => {
    expect(page).toContain('<style>body { color: black }</style>');
  });
});
