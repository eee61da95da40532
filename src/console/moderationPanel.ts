import { waitsForApproval, type Poll } from '../shared/deck.ts';
import { nextBefore, type IdRange } from '../shared/pendingPages.ts';
import type { ClientMessage, OpenAnswer, Results } from '../shared/protocol.ts';
import { dutch, h } from '../client/dom.ts';

// The console's moderation (on the laptop and on the phone): the answers of an open question or group
// poll to approve or reject (a rejected answer leaves the results for good, unless its participant answers
// again), all waiting ones at once (Y), the oldest one waiting (G, X), and for a word cloud its words to
// take off and (moderated) its waiting words to approve. The server sends a page of the answers with the
// results; older waiting ones come a page at a time on request. Nothing here reaches the audience view.

export type Button = (
  label: string,
  focus: string,
  onClick: () => void,
  kind?: string,
  describedBy?: string | null,
) => HTMLButtonElement;

export interface ModerationContext {
  poll: Poll;
  results: Results;
  /** Older waiting answers the remote asked for, of the round on screen, and the id ranges they cover. */
  older: readonly OpenAnswer[];
  ranges: readonly IdRange[];
  button: Button;
  send: (message: ClientMessage) => void;
}

/** The results' answers and the older waiting ones, each once, oldest first. */
function merged(answers: readonly OpenAnswer[], older: readonly OpenAnswer[]): OpenAnswer[] {
  return [...new Map([...older, ...answers].map((answer) => [answer.id, answer])).values()].sort((a, b) => a.id - b.id);
}

/** The data-focus of an answer's buttons: `approve-<id>` and `reject-<id>`. */
export const MODERATION_FOCUS = { approve: 'approve-', reject: 'reject-' } as const;

function answerItem({ poll, button, send }: ModerationContext, answer: OpenAnswer): HTMLLIElement {
  const moderate = (approved: boolean) => () => send({ type: 'approve', poll: poll.id, answer: answer.id, approved });
  const describedBy = `answer-${answer.id}`;
  const reject = button(
    answer.approved ? 'Verbergen en afwijzen' : 'Afwijzen',
    `${MODERATION_FOCUS.reject}${answer.id}`,
    moderate(false),
    'secondary',
    describedBy,
  );
  return h(
    'li',
    { class: answer.approved ? 'approved' : 'waiting' },
    answer.group ? dutch('p', answer.group, { class: 'answer-group' }) : null,
    dutch('p', answer.text, { class: 'answer-text', id: describedBy }),
    h('p', { class: 'answer-state' }, answer.approved ? 'Op het scherm' : 'Wacht op goedkeuring'),
    answer.approved
      ? reject
      : h(
          'div',
          { class: 'answer-buttons' },
          button('Goedkeuren', `${MODERATION_FOCUS.approve}${answer.id}`, moderate(true), 'primary', describedBy),
          reject,
        ),
  );
}

/** "Load earlier" while fewer waiting answers are listed than the server counts. */
function loadMore(
  context: ModerationContext,
  newest: readonly OpenAnswer[],
  listed: readonly OpenAnswer[],
  waiting: number,
): Node | null {
  const pending = listed.filter((answer) => !answer.approved);
  const before = nextBefore(
    newest.filter((answer) => !answer.approved),
    context.ranges,
  );
  if (pending.length >= waiting || before === null) return null;
  return context.button(
    `Eerdere antwoorden laden (${waiting - pending.length} meer)`,
    'pending-more',
    () => context.send({ type: 'pending', poll: context.poll.id, before }),
    'secondary',
  );
}

/** Every listed answer that waits: what "approve all" approves. */
export function waitingAnswers(context: Pick<ModerationContext, 'results' | 'older'>): OpenAnswer[] {
  const { results } = context;
  const page = results.kind === 'answers' ? results.answers : results.kind === 'words' ? (results.pending ?? []) : [];
  return merged(page, context.older).filter((answer) => !answer.approved);
}

function approveAll(context: ModerationContext, listed: readonly OpenAnswer[]): Node | null {
  const waiting = listed.filter((answer) => !answer.approved);
  if (waiting.length < 2) return null;
  return context.button(`Alles goedkeuren (${waiting.length})`, 'approve-all', () => {
    for (const answer of waiting)
      context.send({ type: 'approve', poll: context.poll.id, answer: answer.id, approved: true });
  });
}

function answersSection(context: ModerationContext, answers: readonly OpenAnswer[], waiting: number, total: number) {
  const listed = merged(answers, context.older);
  return h(
    'section',
    { class: 'moderation', 'aria-labelledby': 'moderation-title' },
    // tabindex: the keyboard lands here once no answer waits (pollPanel.ts, nextInQueue).
    h('h3', { id: 'moderation-title', tabindex: '-1' }, `Antwoorden (${total})`),
    h(
      'p',
      { class: 'hint' },
      waitsForApproval(context.poll) ? 'Een antwoord komt op het scherm als je het goedkeurt. ' : '',
      'Een afgewezen antwoord is weg uit de resultaten, tot de deelnemer opnieuw antwoordt.',
    ),
    approveAll(context, listed),
    h('ul', {}, ...listed.map((answer) => answerItem(context, answer))),
    loadMore(context, answers, listed, waiting),
  );
}

function wordsSection(context: ModerationContext, words: readonly { word: string; count: number }[]): Node {
  const { poll, button, send } = context;
  return h(
    'section',
    { class: 'moderation', 'aria-labelledby': 'words-title' },
    h('h3', { id: 'words-title' }, `Woorden (${words.length})`),
    h('p', { class: 'hint' }, 'Een woord dat je weghaalt, blijft weg in deze ronde.'),
    h(
      'ul',
      {},
      ...words.map(({ word, count }, k) =>
        h(
          'li',
          { class: 'approved' },
          dutch('p', `${word} (${count}×)`, { class: 'answer-text', id: `word-${k}` }),
          button(
            'Weghalen',
            `remove-${word}`,
            () => send({ type: 'remove-word', poll: poll.id, word }),
            'secondary',
            `word-${k}`,
          ),
        ),
      ),
    ),
  );
}

/** The moderation sections for the poll's results, or none for a poll without moderation. */
export function moderationSections(context: ModerationContext): Node[] {
  const { results } = context;
  if (results.kind === 'answers') {
    const counts = results.counts ?? {
      approved: results.answers.filter((answer) => answer.approved).length,
      pending: results.answers.filter((answer) => !answer.approved).length,
    };
    return [answersSection(context, results.answers, counts.pending, counts.approved + counts.pending)];
  }
  if (results.kind !== 'words') return [];
  const sections = [wordsSection(context, results.words)];
  if (waitsForApproval(context.poll)) {
    const pending = results.pending ?? [];
    const waiting = results.pendingTotal ?? pending.length;
    sections.unshift(answersSection(context, pending, waiting, waiting));
  }
  return sections;
}
