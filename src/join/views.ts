import { waitsForApproval, type Poll } from '../shared/deck.ts';
import type { PollResults, VoteValue } from '../shared/protocol.ts';
import { describeVote } from '../shared/pollTypes/words.ts';
import { dutch, h, uniqueId } from '../client/dom.ts';
import type { MessageKey } from './i18n.ts';
import { resultRows } from '../client/resultRows.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A title and a calm line of text: no server, waiting for the next question. */
export function messageView(t: Translate, title: MessageKey, text: MessageKey, kicker?: MessageKey): HTMLElement {
  return h(
    'section',
    { class: 'message' },
    kicker ? h('p', { class: 'kicker' }, h('span', { 'aria-hidden': 'true' }, '✓ '), t(kicker)) : null,
    h('h1', {}, t(title)),
    h('p', {}, t(text)),
  );
}

/** The field to type the code from the screen, for people who did not scan the QR code. */
export function codeFormView(
  t: Translate,
  options: { value: string; error: MessageKey | null; onSubmit: (typed: string) => void },
): HTMLElement {
  const errorId = uniqueId('code-error');
  const input = h('input', {
    id: 'join-code',
    name: 'code',
    class: 'code-input',
    type: 'text',
    inputmode: 'text',
    autocomplete: 'off',
    autocapitalize: 'characters',
    spellcheck: 'false',
    maxlength: 12,
    'aria-describedby': `code-hint${options.error ? ` ${errorId}` : ''}`,
    'aria-invalid': options.error ? 'true' : null,
    dir: 'ltr',
  });
  input.value = options.value;
  input.addEventListener('input', () => {
    // Letters in capitals as they are typed, the way the screen shows the code.
    const { selectionStart, selectionEnd } = input;
    input.value = input.value.toUpperCase();
    input.setSelectionRange(selectionStart, selectionEnd);
  });
  const form = h(
    'form',
    { class: 'code-form', novalidate: true },
    h('h1', {}, t('codeTitle')),
    h('label', { for: 'join-code' }, t('codeLabel')),
    h('p', { class: 'hint', id: 'code-hint' }, t('codeHint')),
    input,
    options.error ? h('p', { class: 'form-error', id: errorId, role: 'alert' }, t(options.error)) : null,
    h('button', { type: 'submit', class: 'primary' }, t('codeSubmit')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    options.onSubmit(input.value);
  });
  return form;
}

function answerList(poll: Poll, vote: VoteValue): HTMLElement {
  const lines = describeVote(poll, vote);
  return h('ul', { class: 'my-answer' }, ...lines.map((line) => dutch('li', line)));
}

/** After the server stored the vote: the confirmation, the answer itself and a way to change it. */
export function votedView(
  t: Translate,
  options: { poll: Poll; vote: VoteValue; onChange: () => void },
): { element: HTMLElement; focusTarget: HTMLElement } {
  const { poll } = options;
  const confirmation = h(
    'div',
    { class: 'confirmation', tabindex: -1 },
    h('h2', {}, h('span', { class: 'tick', 'aria-hidden': 'true' }, '✓ '), t('received')),
    h('p', { class: 'answer-label' }, `${t('yourAnswer')}:`),
    answerList(poll, options.vote),
  );
  const change = h('button', { type: 'button', class: 'secondary' }, t('change'));
  change.addEventListener('click', options.onChange);
  const element = h(
    'section',
    { class: 'voted' },
    h('h1', { class: 'question' }, dutch('span', poll.question)),
    confirmation,
    waitsForApproval(poll) ? h('p', { class: 'hint' }, t('moderated')) : null,
    change,
  );
  return { element, focusTarget: confirmation };
}

/** A poll that does not take votes now; shows the person's last answer when there is one. */
export function closedView(t: Translate, options: { poll: Poll; vote: VoteValue | null }): HTMLElement {
  return h(
    'section',
    { class: 'closed' },
    h('h1', { class: 'question' }, dutch('span', options.poll.question)),
    h('div', { class: 'notice' }, h('h2', {}, t('closedTitle')), h('p', {}, t('closedText'))),
    options.vote === null
      ? null
      : h(
          'div',
          { class: 'last-answer' },
          h('p', { class: 'answer-label' }, `${t('yourAnswer')}:`),
          answerList(options.poll, options.vote),
        ),
  );
}

const MAX_ROWS = 10;

/** Revealed results, small: numbers and thin bars, the top words, the approved answers. */
export function resultsView(t: Translate, poll: Poll, pollResults: PollResults): HTMLElement {
  const headingId = uniqueId('results');
  const { results } = pollResults;
  const section = h(
    'section',
    { class: 'results', 'aria-labelledby': headingId },
    h('h2', { id: headingId }, t('results')),
    h('p', { class: 'hint' }, t('voters', { n: pollResults.voters })),
    results.kind === 'ranking' ? h('p', { class: 'hint' }, t('pointsHint')) : null,
  );
  if (results.kind === 'answers') {
    const approved = results.answers.filter((answer) => answer.approved).slice(-MAX_ROWS);
    section.append(h('ul', { class: 'answers' }, ...approved.map((answer) => dutch('li', answer.text))));
    return section;
  }
  const rows = resultRows(poll, results).slice(0, MAX_ROWS);
  const largest = Math.max(1, ...rows.map((row) => row.value));
  section.append(
    h(
      'ul',
      { class: 'bars' },
      ...rows.map((row) => {
        const bar = h('span', { class: 'bar', 'aria-hidden': 'true' });
        bar.style.setProperty('--share', String(row.value / largest));
        return h(
          'li',
          {},
          dutch('span', row.label, { class: 'label' }),
          h('span', { class: 'count' }, String(row.value)),
          bar,
        );
      }),
    ),
  );
  if (results.kind === 'scale' && results.average !== null) {
    section.append(h('p', { class: 'average' }, t('average', { n: formatAverage(results.average) })));
  }
  return section;
}

function formatAverage(average: number): string {
  return new Intl.NumberFormat(document.documentElement.lang, {
    maximumFractionDigits: 1,
    numberingSystem: 'latn',
  }).format(average);
}
