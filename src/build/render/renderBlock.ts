import type { Block, Case, Deck } from '../../shared/deck.ts';
import { escapeHtml, list, markdown, minutesLabel, withMinutes } from './html.ts';
import { renderPoll } from './poll.ts';
import { groupQuotes, renderQuote } from './quotes.ts';
import { slide, spreadTiming, stack } from './slide.ts';

function kicker(block: Block, deck: Deck, part?: string): string {
  const theme = deck.themes.find((t) => t.id === block.theme)?.title ?? block.theme;
  const label = [`Bouwsteen ${block.number}`, part ?? theme].join(' · ');
  return `<p class="kicker">${escapeHtml(label)}</p>`;
}

/** A building block as a vertical stack: introduction, quotes, discussion, polls, case exercise. */
export function renderBlock(block: Block, deck: Deck): string {
  const slides: string[] = [];
  slides.push(
    slide(
      {
        id: block.slug,
        className: 'block-intro',
        data: { block: String(block.number) },
        notes: withMinutes(block.notes, block.minutes),
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
  if (block.prompts.length > 0) {
    slides.push(
      slide(
        { id: `${block.slug}-bespreken`, className: 'prompts' },
        kicker(block, deck, 'Bespreek'),
        `<h2>Wat betekent dit voor jouw praktijk?</h2>`,
        list(block.prompts, true),
      ),
    );
  }
  for (const poll of block.polls) {
    slides.push(slide({ id: `${block.slug}-poll-${poll.id}`, className: 'poll-slide' }, renderPoll(poll)));
  }
  if (block.exercise) {
    const exercise = block.exercise;
    const story: Case | undefined = deck.cases.find((c) => c.number === exercise.case);
    const person = story ? story.person : `casus ${exercise.case}`;
    slides.push(
      slide(
        { id: `${block.slug}-opdracht`, className: 'exercise' },
        kicker(block, deck, `Casusopdracht · ${minutesLabel(exercise.minutes)}`),
        `<h2>Wat betekent „${escapeHtml(block.title)}” voor ${escapeHtml(person)}?</h2>`,
        `<p class="task">${escapeHtml(exercise.task)}</p>`,
        list(exercise.questions, true),
        story
          ? `<p class="case-link"><a href="#/${escapeHtml(story.slug)}">Lees de casus van ${escapeHtml(person)}</a></p>`
          : '',
      ),
    );
  }
  const fixed = new Map(block.exercise ? [[slides.length - 1, block.exercise.minutes]] : []);
  return stack(`block-${block.number}`, slides, spreadTiming(block.minutes, slides.length, fixed));
}
