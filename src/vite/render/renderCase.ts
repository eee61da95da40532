import type { Case, Deck } from '../../shared/deck.ts';
import { escapeHtml, list, markdown, minutesLabel, withMinutes } from './html.ts';
import { renderCountdown } from './countdown.ts';
import { renderPoll } from './poll.ts';
import { groupQuotes, renderQuote } from './quotes.ts';
import { slide, spreadTiming, stack } from './slide.ts';

function kicker(story: Case, part: string): string {
  return `<p class="kicker">${escapeHtml(`Casus ${story.number} · ${part}`)}</p>`;
}

function blockLinks(story: Case, deck: Deck): string {
  const links = story.blocks
    .map((n) => deck.blocks.find((b) => b.number === n))
    .filter((b) => b !== undefined)
    .map((b) => `<li><a href="#/${escapeHtml(b.slug)}">${b.number}. ${escapeHtml(b.title)}</a></li>`);
  return `<div class="related"><p>Hoort bij de bouwstenen:</p><ul>${links.join('')}</ul></div>`;
}

/** A case as a vertical stack: the story, quotes, the group exercise and the debrief. */
export function renderCase(story: Case, deck: Deck): string {
  const slides: string[] = [];
  slides.push(
    slide(
      {
        id: story.slug,
        className: 'case-story',
        data: { case: String(story.number) },
        notes: withMinutes(story.notes, story.minutes),
      },
      kicker(story, `${story.person} (verzonnen naam)`),
      `<h2>${escapeHtml(story.title)}</h2>`,
      `<div class="story">${markdown(story.story)}</div>`,
      blockLinks(story, deck),
    ),
  );
  groupQuotes(story.quotes).forEach((group, k) => {
    slides.push(
      slide(
        { id: `${story.slug}-citaten${k === 0 ? '' : `-${k + 1}`}`, className: 'quotes' },
        kicker(story, 'In hun woorden'),
        `<h2 class="visually-hidden">${escapeHtml(story.title)}: citaten</h2>`,
        group.map(renderQuote).join(''),
      ),
    );
  });
  if (story.questions.length > 0) {
    const time = minutesLabel(story.exerciseMinutes);
    // While this slide is on screen, the phones show the form for the group answers.
    const groupPoll = story.polls.find((poll) => poll.type === 'group');
    slides.push(
      slide(
        {
          id: `${story.slug}-opdracht`,
          className: 'case-exercise',
          data: groupPoll ? { 'shows-poll': groupPoll.id } : {},
        },
        `<div class="exercise-layout"><div class="exercise-main">`,
        kicker(story, `Groepsopdracht · ${time}`),
        `<h2>Bespreek in je groep: ${escapeHtml(story.person)}</h2>`,
        list(story.questions, true),
        `</div>`,
        `<aside class="exercise-side" aria-label="Timer">${renderCountdown(story.slug, story.exerciseMinutes)}</aside></div>`,
      ),
    );
  }
  for (const poll of story.polls) {
    slides.push(slide({ id: `${story.slug}-poll-${poll.id}`, className: 'poll-slide' }, renderPoll(poll)));
  }
  if (story.debrief) {
    slides.push(
      slide(
        { id: `${story.slug}-nabespreken`, className: 'debrief' },
        kicker(story, 'Nabespreken'),
        `<h2>Terug in de grote groep</h2>`,
        `<div class="debrief-text">${markdown(story.debrief)}</div>`,
      ),
    );
  }
  // The group exercise takes most of a case's time.
  const exercise = slides.findIndex((html) => html.includes('class="case-exercise"'));
  const fixed = new Map(exercise >= 0 && story.minutes ? [[exercise, story.exerciseMinutes]] : []);
  return stack(`case-${story.number}`, slides, spreadTiming(story.minutes, slides.length, fixed));
}
