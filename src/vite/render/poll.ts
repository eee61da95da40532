import type { Poll } from '../../shared/deck.ts';
import { wordsOf } from '../../shared/pollTypes/words.ts';
import { LIMITS } from '../../shared/protocol.ts';
import { escapeHtml } from './html.ts';

/** More options than this go in two columns, so the slide keeps its 1280x720. */
const ONE_COLUMN_OPTIONS = 6;

function legend(poll: Poll): string {
  return `<legend class="visually-hidden">${escapeHtml(poll.question)}</legend>`;
}

function choices(poll: Poll, input: 'radio' | 'checkbox'): string {
  const many = poll.options.length > ONE_COLUMN_OPTIONS ? ' poll-choices-many' : '';
  const items = poll.options.map(
    (option, k) =>
      `<label class="poll-choice"><input type="${input}" name="answer" value="${k}" />` +
      `<span>${escapeHtml(option)}</span></label>`,
  );
  return `<fieldset class="poll-choices${many}">${legend(poll)}${items.join('')}</fieldset>`;
}

function textAnswer(poll: Poll, label: string, field: string): string {
  const id = `poll-${poll.id}-antwoord`;
  return (
    `<label class="poll-text-label" for="${escapeHtml(id)}">${label}</label>` +
    `<div class="poll-text-row">${field.replace('%ID%', escapeHtml(id))}` +
    `<button type="submit" class="poll-save">Bewaar</button></div>`
  );
}

/** The answer controls; in a self-study deck the reader answers here for themselves. */
function answers(poll: Poll): string {
  switch (poll.type) {
    case 'single':
      return choices(poll, 'radio');
    case 'multiple':
      return choices(poll, 'checkbox');
    case 'scale': {
      const points = poll.options.map((point, k) => {
        const end = k === 0 ? poll.labels[0] : k === poll.options.length - 1 ? poll.labels[1] : '';
        const hint = end ? `<span class="visually-hidden"> (${escapeHtml(end)})</span>` : '';
        return `<label class="poll-scale-point"><input type="radio" name="answer" value="${escapeHtml(point)}" /><span>${escapeHtml(point)}</span>${hint}</label>`;
      });
      return (
        `<fieldset class="poll-scale">${legend(poll)}` +
        `<span class="poll-scale-end" aria-hidden="true">${escapeHtml(poll.min)} = ${escapeHtml(poll.labels[0])}</span>` +
        `<span class="poll-scale-points">${points.join('')}</span>` +
        `<span class="poll-scale-end" aria-hidden="true">${escapeHtml(poll.max)} = ${escapeHtml(poll.labels[1])}</span>` +
        `</fieldset>`
      );
    }
    case 'wordcloud':
      return textAnswer(
        poll,
        'Jouw woorden',
        `<input type="text" id="%ID%" name="answer" maxlength="${LIMITS.wordChars}" autocomplete="off" />`,
      );
    case 'open':
    case 'group':
      // Reading on your own, a group answer is your own notes on the questions.
      return textAnswer(
        poll,
        poll.type === 'group' ? 'Jouw antwoorden op de vragen' : 'Jouw antwoord',
        `<textarea id="%ID%" name="answer" maxlength="${LIMITS.openChars}" rows="3"></textarea>`,
      );
    case 'ranking': {
      const items = poll.options.map((option, k) => {
        const name = escapeHtml(option);
        return (
          `<li data-option="${k}"><span class="poll-ranking-text">${name}</span>` +
          `<span class="poll-ranking-moves">` +
          `<button type="button" data-move="-1" aria-label="Hoger: ${name}">↑</button>` +
          `<button type="button" data-move="1" aria-label="Lager: ${name}">↓</button></span></li>`
        );
      });
      return (
        `<ol class="poll-ranking" aria-label="Jouw volgorde">${items.join('')}</ol>` +
        `<button type="submit" class="poll-save">Bewaar volgorde</button>`
      );
    }
  }
}

/**
 * The poll as it stands on its slide: question, how to answer and the answers. `data-poll` carries
 * the poll itself for the deck's scripts (live results in a session, own answers in self-study).
 */
export function renderPoll(poll: Poll): string {
  const questionId = `poll-${poll.id}-vraag`;
  return (
    `<div class="poll" data-poll-id="${escapeHtml(poll.id)}" data-poll-type="${poll.type}" data-poll="${escapeHtml(JSON.stringify(poll))}">` +
    `<div class="poll-main">` +
    `<p class="kicker">Poll · ${escapeHtml(wordsOf(poll).instruction(poll))}</p>` +
    `<h2 class="poll-question" id="${escapeHtml(questionId)}">${escapeHtml(poll.question)}</h2>` +
    `<form class="poll-form" aria-labelledby="${escapeHtml(questionId)}">` +
    answers(poll) +
    `<p class="poll-saved" role="status"></p>` +
    `</form>` +
    `</div>` +
    `</div>`
  );
}
