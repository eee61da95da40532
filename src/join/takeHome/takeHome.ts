import type { ParticipantState } from '../../client/participantState.ts';
import { fetchPollsFile } from '../../client/pollsFile.ts';
import type { Poll, PollsFile } from '../../shared/deck.ts';
import { displayAddress } from '../../shared/deckAddress.ts';
import { describeVote } from '../../shared/pollTypes/words.ts';
import type { ServerMessage } from '../../shared/protocol.ts';
import { dutch, h } from '../../client/dom.ts';
import type { Language } from '../i18n.ts';
import { safeLocalStorage } from '../participant.ts';
import './takeHome.css';
import { forgetOwnAnswers, markEnded, readOwnAnswers, rememberAnswer, type OwnAnswer } from './ownAnswers.ts';
import { takeHomeText, type TakeHomeKey } from './takeHomeTexts.ts';

// The take-home on the phone, loaded only once the person answered (or had answered before, in this
// room): when the presenter shows a closing poll (reflection, action plan, evaluation) the phone offers
// the deck's address and the person's own answers and action plan, to read again or to save as a file.
// Everything stays in this browser.

let pollsFile: Promise<PollsFile | null> | null = null;
/** polls.json again (the browser has it already): which polls close the day, and the deck's address. */
const deckInfo = (): Promise<PollsFile | null> => (pollsFile ??= fetchPollsFile().catch(() => (pollsFile = null)));

/** Keeps the answer the server just acknowledged. */
export function remember(room: string, ack: Extract<ServerMessage, { type: 'ack' }>): void {
  rememberAnswer(safeLocalStorage(), room, { poll: ack.poll, round: ack.round, value: ack.value });
}

interface Line {
  question: string;
  round: number | null;
  answer: string[];
}

function lines(answers: OwnAnswer[], polls: ReadonlyMap<string, Poll>): Line[] {
  const rounds = new Map<string, number>();
  for (const answer of answers) rounds.set(answer.poll, Math.max(rounds.get(answer.poll) ?? 0, answer.round));
  return answers.flatMap((answer) => {
    const poll = polls.get(answer.poll);
    if (!poll) return [];
    const several = (rounds.get(answer.poll) ?? 1) > 1;
    return [
      { question: poll.question, round: several ? answer.round : null, answer: describeVote(poll, answer.value) },
    ];
  });
}

/** The answers as a text file to keep. */
function asText(language: Language, plan: Line[], all: Line[], share: string | null): string {
  const t = (key: TakeHomeKey, n?: number) => takeHomeText(language, key, n);
  const block = (line: Line) =>
    `${line.question}${line.round ? ` (${t('round', line.round)})` : ''}\n${line.answer.map((a) => `  ${a}`).join('\n')}`;
  return [
    t('fileTitle'),
    new Date().toLocaleDateString(language),
    ...(share ? [`${t('shareLabel')}: ${share}`] : []),
    ...(plan.length > 0 ? ['', t('actionPlan'), ...plan.map(block)] : []),
    '',
    t('allAnswers'),
    ...all.map(block),
    '',
  ].join('\n');
}

function save(text: string, room: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = h('a', { href: url, download: `mijn-antwoorden-${room}.txt`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function lineList(items: Line[], language: Language): HTMLElement {
  return h(
    'dl',
    { class: 'take-home-answers' },
    ...items.flatMap((line) => [
      h(
        'dt',
        {},
        dutch('span', line.question),
        line.round ? ` (${takeHomeText(language, 'round', line.round)})` : null,
      ),
      h('dd', {}, h('ul', { class: 'my-answer' }, ...line.answer.map((answer) => dutch('li', answer)))),
    ]),
  );
}

let shownKey = '';

/** Draws the take-home under the results when the session is ending, and nothing before. */
export async function render(
  after: HTMLElement,
  state: ParticipantState,
  language: Language,
  announce: (text: string) => void,
): Promise<void> {
  const room = state.code;
  const info = await deckInfo();
  const existing = document.getElementById('take-home');
  if (!room || !info || !state.polls) return;
  const storage = safeLocalStorage();
  if (state.current && info.closing.includes(state.current.poll)) markEnded(storage, room);
  const own = readOwnAnswers(storage, room);
  const key = JSON.stringify([language, own]);
  if (key === shownKey && existing) return;
  shownKey = key;
  if (!own.ended || own.answers.length === 0) {
    existing?.remove();
    return;
  }
  const t = (textKey: TakeHomeKey) => takeHomeText(language, textKey);
  const all = lines(own.answers, state.polls);
  const closingOpen = own.answers.filter((answer) => {
    const poll = state.polls?.get(answer.poll);
    return info.closing.includes(answer.poll) && (poll?.type === 'open' || poll?.type === 'group');
  });
  const plan = lines(closingOpen, state.polls);
  const saveButton = h('button', { type: 'button', class: 'primary' }, t('save'));
  saveButton.addEventListener('click', () => save(asText(language, plan, all, info.share), room));
  const forget = h('button', { type: 'button', class: 'secondary' }, t('forget'));
  forget.addEventListener('click', () => {
    forgetOwnAnswers(storage, room);
    document.getElementById('take-home')?.remove();
    announce(t('forgotten'));
  });
  const section = h(
    'section',
    { id: 'take-home', class: 'take-home', 'aria-labelledby': 'take-home-title' },
    h('h2', { id: 'take-home-title' }, t('title')),
    h('p', {}, t('intro')),
    info.share
      ? h('p', {}, `${t('shareLabel')}: `, h('a', { href: info.share }, displayAddress(info.share)))
      : h('p', { class: 'hint' }, t('noShare')),
    plan.length > 0 ? h('h3', {}, t('actionPlan')) : null,
    plan.length > 0 ? lineList(plan, language) : null,
    h('h3', {}, t('allAnswers')),
    lineList(all, language),
    h('div', { class: 'take-home-buttons' }, saveButton, forget),
  );
  if (existing) existing.replaceWith(section);
  else after.after(section);
}
