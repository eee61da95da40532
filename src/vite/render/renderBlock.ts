import { DISCUSSION, timingNotes } from '../../content/timing.ts';
import type { Block, Case, Deck } from '../../shared/deck.ts';
import { shortPart } from '../../shared/agendaPlan.ts';
import { escapeHtml, list, markdown, minutesLabel, withMinutes } from './html.ts';
import { renderPoll } from './poll.ts';
import { groupQuotes, renderQuote } from './quotes.ts';
import { slide, spreadTiming, stack } from './slide.ts';

function kicker(block: Block, deck: Deck, part?: string): string {
  const theme = deck.themes.find((t) => t.id === block.theme)?.title ?? block.theme;
  const label = [`Bouwsteen ${block.number}`, part ?? theme].join(' · ');
  return `<p class="kicker">${escapeHtml(label)}</p>`;
}

/** What a short version leaves out, in words: the polls' questions, and the discussion. */
function skipped(block: Block): string {
  return (block.timing?.short?.skip ?? [])
    .map((id) =>
      id === DISCUSSION ? 'de bespreekvragen' : `de poll „${block.polls.find((p) => p.id === id)?.question ?? id}”`,
    )
    .join(', ');
}

/** The notes: the block's own, then what it needs in full and in its short version. */
function blockNotes(block: Block, short: boolean): string {
  const timing = block.timing ? timingNotes(block.timing) : '';
  const steps = block.timing?.short?.steps.map((step) => `${step.minutes} min. ${step.text}`).join('; ') ?? '';
  const left = skipped(block);
  const version = short
    ? `**Dit plan gebruikt de korte versie van deze bouwsteen:** ${steps}.` +
      (left ? ` Niet in deze versie: ${left}; sla wat de werkwijze daarover zegt over.` : '') +
      '\n\n'
    : '';
  const minutes = short ? (block.timing?.short?.minutes ?? block.minutes) : block.minutes;
  return withMinutes(version + [block.notes, timing].filter(Boolean).join('\n\n'), minutes);
}

/**
 * A building block as a vertical stack: introduction, quotes, discussion, polls, case exercise.
 * `short`: the block's short version (a plan picks it by its minutes): without the polls or the
 * discussion it skips, with the shorter exercise time.
 */
export function renderBlock(block: Block, deck: Deck, options: { short?: boolean } = {}): string {
  const version = options.short ? (block.timing?.short ?? null) : null;
  const skip = new Set(version?.skip ?? []);
  const slides: string[] = [];
  slides.push(
    slide(
      {
        id: block.slug,
        className: 'block-intro',
        data: { block: String(block.number) },
        notes: blockNotes(block, version !== null),
      },
      kicker(block, deck),
      `<h2>${escapeHtml(block.title)}</h2>`,
      `<div class="summary">${markdown(block.summary)}</div>`,
    ),
  );
  groupQuotes(block.quotes).forEach((group, k) => {
    slides.push(
      slide(
        { id: `${block.slug}-citaten${k === 0 ? '' : `-${k + 1}`}`, className: 'quotes' },
        kicker(block, deck, 'In hun woorden'),
        `<h2 class="visually-hidden">${escapeHtml(block.title)}: citaten</h2>`,
        group.map(renderQuote).join(''),
      ),
    );
  });
  if (block.prompts.length > 0 && !skip.has(DISCUSSION)) {
    slides.push(
      slide(
        { id: `${block.slug}-bespreken`, className: 'prompts' },
        kicker(block, deck, 'Bespreek'),
        `<h2>Wat betekent dit voor jouw praktijk?</h2>`,
        list(block.prompts, true),
      ),
    );
  }
  for (const poll of block.polls.filter((p) => !skip.has(p.id))) {
    slides.push(slide({ id: `${block.slug}-poll-${poll.id}`, className: 'poll-slide' }, renderPoll(poll)));
  }
  const exerciseMinutes = version?.exerciseMinutes ?? block.exercise?.minutes ?? 0;
  if (block.exercise) {
    const exercise = block.exercise;
    const story: Case | undefined = deck.cases.find((c) => c.number === exercise.case);
    const person = story ? story.person : `casus ${exercise.case}`;
    // The link goes when a plan leaves the case out (src/deck/plan/applyPlan.ts); the card stays.
    const card = exercise.card
      ? `<aside class="exercise-card" aria-label="Casuskaart">${markdown(exercise.card)}</aside>`
      : '';
    slides.push(
      slide(
        { id: `${block.slug}-opdracht`, className: `exercise${card ? ' has-card' : ''}` },
        kicker(block, deck, `Casusopdracht · ${minutesLabel(exerciseMinutes)}`),
        `<h2>Wat betekent „${escapeHtml(block.title)}” voor ${escapeHtml(person)}?</h2>`,
        `<div class="exercise-body"><div class="exercise-text">`,
        `<p class="task">${escapeHtml(exercise.task)}</p>`,
        list(exercise.questions, true),
        story
          ? `<p class="case-link"><a href="#/${escapeHtml(story.slug)}">Lees de casus van ${escapeHtml(person)}</a></p>`
          : '',
        `</div>${card}</div>`,
      ),
    );
  }
  const fixed = new Map(block.exercise ? [[slides.length - 1, exerciseMinutes]] : []);
  const minutes = version?.minutes ?? block.minutes;
  const part = version ? shortPart(block.number) : `block-${block.number}`;
  return stack(part, slides, spreadTiming(minutes, slides.length, fixed));
}
