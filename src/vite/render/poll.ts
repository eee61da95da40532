import type { Poll } from '../../shared/deck.ts';
import { wordsOf } from '../../shared/pollTypes/words.ts';
import { escapeHtml } from './html.ts';

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
    // Self-study puts the answer form here (src/client/forms, the phone's form) and tells the answer back.
    `<div class="poll-self-study"><div class="poll-answer"></div><p class="poll-saved" role="status"></p></div>` +
    `</div>` +
    `</div>`
  );
}
