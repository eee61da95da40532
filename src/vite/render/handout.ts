import { readFileSync } from 'node:fs';
import type { Block, Case, Deck, Plan, Quote } from '../../shared/deck.ts';
import { actionPlanForm, handoutContents, planSummary } from './handoutPlan.ts';
import { escapeHtml, list, markdown, minutesLabel } from './html.ts';

/** The handout's own style sheet: A4, system fonts only, page breaks that keep a case card whole. */
export const HANDOUT_CSS_FILE = new URL('../handout.css', import.meta.url);
/** The palette the deck and the phone pages use too; the handout inlines it before its own CSS. */
const TOKENS_CSS_FILE = new URL('../../shared/tokens.css', import.meta.url);
/** The style of the plan's goals and agenda on the cover, and of the action-plan form. */
export const HANDOUT_PLAN_CSS_FILE = new URL('../handout-plan.css', import.meta.url);

function themeTitle(deck: Deck, id: string): string {
  return deck.themes.find((theme) => theme.id === id)?.title ?? id;
}

function quote(item: Quote): string {
  return (
    `<figure class="quote"><blockquote><p>${escapeHtml(item.text)}</p></blockquote>` +
    `<figcaption>${escapeHtml(item.speaker)}</figcaption></figure>`
  );
}

function cover(deck: Deck, plan: Plan | null, shown: { blocks: Block[]; cases: Case[] }): string {
  const { source } = deck;
  const themes = deck.themes
    .map((theme) => {
      const blocks = shown.blocks
        .filter((block) => block.theme === theme.id)
        .map((block) => `<li><span class="number">${block.number}</span> ${escapeHtml(block.title)}</li>`);
      return blocks.length
        ? `<li><h3>${escapeHtml(theme.title)}</h3><ul class="blocks">${blocks.join('')}</ul></li>`
        : '';
    })
    .join('');
  const cases = shown.cases
    .map(
      (story) =>
        `<li><span class="number">${story.number}</span> ${escapeHtml(story.person)}: ${escapeHtml(story.title)}</li>`,
    )
    .join('');
  // `source` is the research report; the guide itself has no title in the text, only its publisher.
  const credits = [source.authors, `${source.publisher} (${source.year})`, source.programme]
    .filter((part): part is string => Boolean(part))
    .map(escapeHtml)
    .join(' · ');
  return (
    `<section class="cover">` +
    `<p class="kicker">Handout bij de workshop${plan ? ` · ${escapeHtml(plan.title)}` : ''}</p>` +
    `<h1>${escapeHtml(deck.title)}</h1>` +
    (deck.subtitle ? `<p class="subtitle">${escapeHtml(deck.subtitle)}</p>` : '') +
    (plan ? planSummary(deck, plan) : '') +
    `<div class="contents"><h2>Inhoud</h2><ol class="themes">${themes}</ol>` +
    (cases ? `<h3>Casuskaarten</h3><ul class="cases">${cases}</ul>` : '') +
    `<p class="action-plan-note">Achteraan: je actieplan, om in te vullen.</p></div>` +
    `<footer class="source"><p>Gebaseerd op een handreiking van het ${escapeHtml(source.publisher)}.</p>` +
    `<p>Meer over het onderzoek in het onderzoeksrapport <cite>${escapeHtml(source.title)}</cite></p>` +
    `<p>${credits}</p>` +
    `<p><a href="${escapeHtml(source.url)}">${escapeHtml(source.url)}</a></p>` +
    `<p class="note">De citaten komen letterlijk uit de handreiking, soms ingekort (…). De namen in de casussen zijn verzonnen.</p>` +
    `</footer></section>`
  );
}

function block(item: Block, deck: Deck): string {
  const quotes = item.quotes.length
    ? `<section class="quotes"><h3>In hun woorden</h3>${item.quotes.map(quote).join('')}</section>`
    : '';
  const prompts = item.prompts.length
    ? `<section class="prompts"><h3>Om over te praten</h3>${list(item.prompts, true)}</section>`
    : '';
  return (
    `<article class="block" id="bouwsteen-${item.number}">` +
    `<header><p class="kicker">Bouwsteen ${item.number} · ${escapeHtml(themeTitle(deck, item.theme))}</p>` +
    `<h2><span class="number">${item.number}</span> ${escapeHtml(item.title)}</h2></header>` +
    `<div class="summary">${markdown(item.summary)}</div>` +
    quotes +
    prompts +
    notesArea('Aantekeningen') +
    `</article>`
  );
}

/** Ruled lines to write on, filling the rest of the page. */
function notesArea(title: string): string {
  return `<section class="notes"><h3>${escapeHtml(title)}</h3><div class="lines"></div></section>`;
}

function caseCard(story: Case, deck: Deck): string {
  const related = story.blocks
    .map((n) => deck.blocks.find((b) => b.number === n))
    .filter((b) => b !== undefined)
    .map((b) => `<li><span class="number">${b.number}</span> ${escapeHtml(b.title)}</li>`)
    .join('');
  const time = minutesLabel(story.exerciseMinutes);
  return (
    `<article class="case-card" id="casus-${story.number}">` +
    `<header><p class="kicker">Casuskaart · casus ${story.number}</p>` +
    `<h2>${escapeHtml(story.person)}: ${escapeHtml(story.title)}</h2>` +
    `<p class="time">Tijd voor de groep: <strong>${escapeHtml(time)}</strong></p>` +
    `</header>` +
    `<div class="story">${markdown(story.story)}</div>` +
    (story.questions.length
      ? `<section class="questions"><h3>Bespreek in je groep</h3>${list(story.questions, true)}</section>`
      : '') +
    (related ? `<section class="related"><h3>Hoort bij de bouwstenen</h3><ul>${related}</ul></section>` : '') +
    notesArea('Aantekeningen van de groep') +
    `</article>`
  );
}

/**
 * The handout as one A4 HTML page, printed to dist/handout.pdf by `npm run export:pdf`: a cover with
 * the contents and the source, one page per building block (number, title, theme, summary, quotes with
 * their speakers, prompts), one case card per case to hand out to the groups, and an action-plan form.
 * With a plan (`npm run export:pdf -- --plan dagdeel`) only the blocks and cases the plan shows, and the
 * plan's goals and agenda on the cover. Summaries and stories are markdown; everything else is escaped.
 */
export function renderHandout(deck: Deck, options: { css?: string; plan?: Plan } = {}): string {
  const css =
    options.css ??
    [TOKENS_CSS_FILE, HANDOUT_CSS_FILE, HANDOUT_PLAN_CSS_FILE].map((file) => readFileSync(file, 'utf8')).join('\n');
  const plan = options.plan ?? null;
  const shown = handoutContents(deck, plan);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(deck.language)}">`,
    '<head>',
    '<meta charset="utf-8" />',
    `<title>${escapeHtml(`${deck.title} — handout${plan ? ` (${plan.title})` : ''}`)}</title>`,
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    '<body>',
    cover(deck, plan, shown),
    `<main class="blocks">${shown.blocks.map((item) => block(item, deck)).join('\n')}</main>`,
    `<section class="cases">${shown.cases.map((story) => caseCard(story, deck)).join('\n')}</section>`,
    actionPlanForm(shown.blocks),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
