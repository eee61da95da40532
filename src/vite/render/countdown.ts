import { clockText } from '../../shared/countdown.ts';
import { escapeHtml } from './html.ts';

function button(className: string, label: string, key: string): string {
  return (
    `<button type="button" class="poll-control countdown-button ${className}" aria-keyshortcuts="${key}">` +
    `<span>${escapeHtml(label)}</span><kbd aria-hidden="true">${key}</kbd></button>`
  );
}

/**
 * The countdown of a group exercise, with its buttons. It works in every deck, live or self-study: the
 * deck's scripts run it (src/deck/countdown); a live session also shows it on the phones.
 */
export function renderCountdown(exercise: string, minutes: number): string {
  const seconds = minutes * 60;
  return (
    `<div class="countdown" data-exercise="${escapeHtml(exercise)}" data-seconds="${seconds}">` +
    `<p class="countdown-label" id="countdown-${escapeHtml(exercise)}">Tijd voor de groepen</p>` +
    `<p class="countdown-time" role="timer" aria-labelledby="countdown-${escapeHtml(exercise)}">${clockText(seconds * 1000)}</p>` +
    `<p class="countdown-state" aria-live="polite"></p>` +
    `<div class="countdown-controls" role="group" aria-label="Bediening van de timer">` +
    button('countdown-toggle', 'Start', 'T') +
    button('countdown-reset', 'Opnieuw', 'R') +
    `</div></div>`
  );
}
