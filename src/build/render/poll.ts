import type { Poll } from '../../shared/deck.ts';
import { escapeHtml } from './html.ts';

const HOW: Record<Poll['type'], string> = {
  single: 'Kies één antwoord',
  multiple: 'Kies meerdere antwoorden',
  scale: 'Geef een score',
  wordcloud: 'Typ een paar woorden',
  open: 'Schrijf je antwoord',
  ranking: 'Zet in volgorde',
};

function instruction(poll: Poll): string {
  if (poll.type === 'multiple') return `Kies hoogstens ${poll.max} antwoorden`;
  return HOW[poll.type];
}

function answers(poll: Poll): string {
  switch (poll.type) {
    case 'single':
    case 'multiple':
    case 'ranking':
      return `<ol class="poll-options" data-kind="${poll.type}">${poll.options
        .map((option) => `<li>${escapeHtml(option)}</li>`)
        .join('')}</ol>`;
    case 'scale':
      return (
        `<div class="poll-scale"><span class="poll-scale-end">${escapeHtml(poll.min)} = ${escapeHtml(poll.labels[0])}</span>` +
        `<ol class="poll-scale-points">${poll.options.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ol>` +
        `<span class="poll-scale-end">${escapeHtml(poll.max)} = ${escapeHtml(poll.labels[1])}</span></div>`
      );
    case 'wordcloud':
    case 'open':
      return '';
  }
}

/** The poll as it stands on its slide: question, how to answer and the answers to choose from. */
export function renderPoll(poll: Poll): string {
  return (
    `<div class="poll" data-poll-id="${escapeHtml(poll.id)}" data-poll-type="${poll.type}">` +
    `<p class="kicker">Poll · ${escapeHtml(instruction(poll))}</p>` +
    `<h2 class="poll-question">${escapeHtml(poll.question)}</h2>` +
    answers(poll) +
    `<div class="poll-live" aria-live="polite"></div>` +
    `</div>`
  );
}
