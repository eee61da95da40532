import type { Block, Case, Deck, Plan } from '../../shared/deck.ts';
import { schedule } from '../../shared/schedule.ts';
import { agendaPlan } from '../../shared/agendaPlan.ts';
import { escapeHtml, list } from './html.ts';

// The parts of the handout that follow a plan: which blocks and cases it shows, its goals and agenda,
// and the action-plan form to fill in at the end of any session.

/** The blocks and cases a plan shows, in the plan's order; without a plan all of them. */
export function handoutContents(deck: Deck, plan: Plan | null): { blocks: Block[]; cases: Case[] } {
  if (!plan) return { blocks: deck.blocks, cases: deck.cases };
  const pick = <T extends { number: number }>(items: T[], kind: 'block' | 'case') =>
    plan.parts.flatMap((part) => {
      const found = part.kind === kind ? items.find((item) => item.number === part.number) : undefined;
      return found ? [found] : [];
    });
  const unique = <T>(items: T[]) => items.filter((item, k) => items.indexOf(item) === k);
  return { blocks: unique(pick(deck.blocks, 'block')), cases: unique(pick(deck.cases, 'case')) };
}

/** The plan's learning goals and its agenda with clock times, for the cover. */
export function planSummary(deck: Deck, plan: Plan): string {
  const items = schedule(agendaPlan(plan, deck).items, plan.start)
    .map(
      (item) =>
        `<li${item.part === 'break' ? ' class="break"' : ''}><span class="time">${item.from}–${item.to}</span> ` +
        `${escapeHtml(item.label)}</li>`,
    )
    .join('');
  return (
    `<div class="plan-summary">` +
    (plan.goals.length ? `<h2>Wat je vandaag leert</h2>${list(plan.goals)}` : '') +
    `<h2>Programma</h2><ol class="agenda">${items}</ol></div>`
  );
}

/** A page to fill in: the action plan of the closing slide, with the blocks of the session to choose from. */
export function actionPlanForm(blocks: Block[]): string {
  const choices = blocks
    .map((block) => `<li><span class="box" aria-hidden="true"></span>${block.number}. ${escapeHtml(block.title)}</li>`)
    .join('');
  const field = (label: string, hint: string, rows = 2) =>
    `<div class="field"><h3>${escapeHtml(label)}</h3><p class="hint">${escapeHtml(hint)}</p>` +
    `<div class="lines" style="--rows: ${rows}"></div></div>`;
  return (
    `<section class="action-plan" id="actieplan">` +
    `<header><p class="kicker">Om in te vullen</p><h2>Mijn actieplan</h2>` +
    `<p>Maak je plan in drie stappen. Vertel het daarna aan iemand naast je.</p></header>` +
    `<div class="field"><h3>1. Kies een bouwsteen</h3><p class="hint">Welke past het best bij jouw werk?</p>` +
    `<ul class="choices">${choices}</ul></div>` +
    field('2. Kies een eerste stap', 'Wat doe jij binnen een week? Maak de stap klein en concreet.', 3) +
    field('3. Met wie en wanneer?', 'Wie heb je nodig: iemand van een werkgever, de gemeente of een school?', 2) +
    field('Over een maand', 'Wie vraagt jou hoe het ging? Schrijf de naam en de datum op.', 2) +
    `</section>`
  );
}
