import { waitsForApproval, type MultiplePoll, type Poll, type RankingPoll, type ScalePoll } from '../shared/deck.ts';
import type { VoteValue } from '../shared/protocol.ts';
import { textProblem } from '../shared/textRules.ts';
import { typedTexts } from './answerText.ts';
import { dutch, h, uniqueId } from './dom.ts';
import type { MessageKey } from './i18n.ts';
import { LIMITS } from '../shared/protocolLimits.ts';
import { initialRanking, moveItem } from './ranking.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface PollFormOptions {
  poll: Poll;
  /** What to fill in: the person's unsent draft or their earlier vote. */
  start: VoteValue | null;
  t: Translate;
  /** Every change, so a re-render (another language, a fresh snapshot) keeps what was filled in. */
  onDraft: (value: VoteValue | null) => void;
  onSubmit: (value: VoteValue) => void;
  /** Tells screen reader users what changed where they are not looking (e.g. a moved ranking item). */
  announce: (text: string) => void;
}

export interface PollForm {
  element: HTMLFormElement;
  setBusy: (busy: boolean) => void;
  showError: (message: string | null) => void;
}

interface FormBody {
  /** The question as the form's heading and label, and the controls. */
  content: Node[];
  /** The vote, or null when nothing is filled in yet. */
  read: () => VoteValue | null;
  emptyMessage: MessageKey;
}

interface BodyContext extends PollFormOptions {
  hintId: string;
  showError: (message: string | null) => void;
  changed: () => void;
}

/** The form to answer one poll: large targets, the question as its label, one button to send. */
export function buildPollForm(options: PollFormOptions): PollForm {
  const { poll, t } = options;
  const hintId = uniqueId('hint');
  const errorBox = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('send'));
  const form = h('form', { class: `poll-form poll-${poll.type}`, novalidate: true });

  const showError = (message: string | null): void => {
    errorBox.textContent = message ?? '';
  };
  // `changed` runs only after the body exists: on the person's input.
  const changed = (): void => {
    showError(null);
    options.onDraft(body.read());
  };
  const context: BodyContext = { ...options, hintId, showError, changed };
  const body = buildBody(context);
  form.append(...body.content, errorBox, submit);

  let busy = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const value = body.read();
    if (value === null) {
      showError(t(body.emptyMessage));
      return;
    }
    // The server would refuse it (the same rule): say so at once, in the person's language.
    if (typedTexts(value).some((text) => textProblem(text) !== null)) {
      showError(t('error-bad-text'));
      return;
    }
    options.onSubmit(value);
  });

  return {
    element: form,
    showError,
    setBusy(next) {
      busy = next;
      submit.textContent = t(next ? 'sending' : 'send');
      submit.setAttribute('aria-disabled', String(next));
    },
  };
}

function buildBody(context: BodyContext): FormBody {
  const { poll } = context;
  switch (poll.type) {
    case 'single':
      return choiceBody(context, 'radio', context.t('chooseOne'));
    case 'multiple':
      return choiceBody(context, 'checkbox', context.t('chooseMax', { n: poll.max }), poll);
    case 'scale':
      return scaleBody(context, poll);
    case 'wordcloud':
      return textBody(context, LIMITS.wordChars, false);
    case 'open':
      return textBody(context, LIMITS.openChars, true);
    case 'ranking':
      return rankingBody(context, poll);
    case 'group':
      return groupBody(context);
  }
}

/** The question as the form's visible heading inside the fieldset's legend. */
function legend(context: BodyContext): HTMLLegendElement {
  return h('legend', {}, h('h1', { class: 'question' }, dutch('span', context.poll.question)));
}

function hint(context: BodyContext, text: string): HTMLParagraphElement {
  return h('p', { class: 'hint', id: context.hintId }, text);
}

function choiceBody(
  context: BodyContext,
  kind: 'radio' | 'checkbox',
  hintText: string,
  multiple?: MultiplePoll,
): FormBody {
  const name = uniqueId('choice');
  const picked = new Set(
    typeof context.start === 'number' ? [context.start] : Array.isArray(context.start) ? context.start : [],
  );
  const inputs = context.poll.options.map((_, index) =>
    h('input', { type: kind, name, value: index, checked: picked.has(index) }),
  );
  const list = h(
    'div',
    { class: 'options' },
    ...context.poll.options.map((text, index) =>
      h('label', { class: 'option' }, inputs[index] ?? null, dutch('span', text)),
    ),
  );
  const checkedIndexes = (): number[] => inputs.filter((input) => input.checked).map((input) => Number(input.value));
  list.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (multiple && input.checked && checkedIndexes().length > multiple.max) {
      // Enforced here as well as on the server, with words instead of a silent refusal.
      input.checked = false;
      context.changed();
      context.showError(context.t('tooMany', { n: multiple.max }));
      return;
    }
    context.changed();
  });
  const fieldset = h(
    'fieldset',
    { 'aria-describedby': context.hintId },
    legend(context),
    hint(context, hintText),
    list,
  );
  return {
    content: [fieldset],
    read() {
      const checked = checkedIndexes();
      if (checked.length === 0) return null;
      return multiple ? checked : (checked[0] ?? null);
    },
    emptyMessage: 'pickFirst',
  };
}

function scaleBody(context: BodyContext, poll: ScalePoll): FormBody {
  const name = uniqueId('scale');
  const points = Array.from({ length: poll.max - poll.min + 1 }, (_, index) => poll.min + index);
  const inputs = points.map((point) =>
    h('input', { type: 'radio', name, value: point, checked: context.start === point }),
  );
  const endLabel = (point: number): string | null =>
    point === poll.min ? poll.labels[0] : point === poll.max ? poll.labels[1] : null;
  const row = h(
    'div',
    { class: 'scale-points' },
    ...points.map((point, index) => {
      const end = endLabel(point);
      // The end labels are part of the accessible name of the end points; sighted people see them below.
      return h(
        'label',
        { class: 'point' },
        inputs[index] ?? null,
        h('span', {}, String(point)),
        end ? h('span', { class: 'visually-hidden', lang: 'nl' }, ` ${end}`) : null,
      );
    }),
  );
  row.addEventListener('change', context.changed);
  const ends = h(
    'div',
    { class: 'scale-ends', 'aria-hidden': 'true' },
    dutch('span', `${poll.min} = ${poll.labels[0]}`),
    dutch('span', `${poll.max} = ${poll.labels[1]}`),
  );
  const fieldset = h(
    'fieldset',
    { 'aria-describedby': context.hintId },
    legend(context),
    hint(context, context.t('chooseScale', { min: poll.min, max: poll.max })),
    row,
    ends,
  );
  return {
    content: [fieldset],
    read() {
      const checked = inputs.find((input) => input.checked);
      return checked ? Number(checked.value) : null;
    },
    emptyMessage: 'pickFirst',
  };
}

function textBody(context: BodyContext, maxLength: number, long: boolean): FormBody {
  const id = uniqueId('answer');
  const counterId = uniqueId('counter');
  const start = typeof context.start === 'string' ? context.start : '';
  const poll = context.poll;
  const hintText = long ? (waitsForApproval(poll) ? context.t('moderated') : '') : context.t('wordHint');
  const describedBy = [hintText ? context.hintId : '', long ? counterId : ''].filter(Boolean).join(' ');
  const attributes = {
    'aria-describedby': describedBy || null,
    id,
    name: 'answer',
    maxlength: maxLength,
    autocomplete: 'off',
    lang: 'nl',
    // The person may type Arabic: the field follows the direction of what is typed.
    dir: 'auto',
  };
  const field = long
    ? h('textarea', { ...attributes, rows: 4 })
    : h('input', { ...attributes, type: 'text', enterkeyhint: 'send' });
  field.value = start.slice(0, maxLength);
  const counter = long ? h('p', { class: 'counter', id: counterId }) : null;
  const count = (): void => {
    if (counter) counter.textContent = context.t('charsLeft', { n: maxLength - field.value.length });
  };
  count();
  field.addEventListener('input', () => {
    count();
    context.changed();
  });
  return {
    content: [
      h('h1', { class: 'question' }, h('label', { for: id }, dutch('span', poll.question))),
      hintText ? hint(context, hintText) : null,
      field,
      counter,
    ].filter((node) => node !== null),
    read() {
      const text = field.value.trim();
      return text === '' ? null : text;
    },
    emptyMessage: 'typeFirst',
  };
}

function rankingBody(context: BodyContext, poll: RankingPoll): FormBody {
  let order = initialRanking(poll.options.length, context.start);
  const list = h('ol', { class: 'ranking' });

  const render = (focus?: { item: number; step: -1 | 1 }): void => {
    list.replaceChildren(
      ...order.map((optionIndex, place) => {
        const text = poll.options[optionIndex] ?? '';
        const button = (step: -1 | 1): HTMLButtonElement => {
          const atEnd = step === -1 ? place === 0 : place === order.length - 1;
          const element = h(
            'button',
            {
              type: 'button',
              class: 'move',
              'data-item': optionIndex,
              'data-step': step,
              'aria-label': context.t(step === -1 ? 'moveUp' : 'moveDown', { item: text }),
              disabled: atEnd,
            },
            h('span', { 'aria-hidden': 'true' }, step === -1 ? '▲' : '▼'),
          );
          element.addEventListener('click', () => move(place, step));
          return element;
        };
        return h(
          'li',
          {},
          h('span', { class: 'place', 'aria-hidden': 'true' }, String(place + 1)),
          dutch('span', text, { class: 'item' }),
          h('span', { class: 'moves' }, button(-1), button(1)),
        );
      }),
    );
    if (!focus) return;
    // Keep the keyboard on the item that moved; at the top or bottom its button is gone, so take the other.
    const same = list.querySelector<HTMLButtonElement>(`button[data-item="${focus.item}"][data-step="${focus.step}"]`);
    const other = list.querySelector<HTMLButtonElement>(
      `button[data-item="${focus.item}"][data-step="${-focus.step}"]`,
    );
    (same && !same.disabled ? same : other)?.focus();
  };

  const move = (place: number, step: -1 | 1): void => {
    const item = order[place];
    if (item === undefined) return;
    order = moveItem(order, place, step);
    render({ item, step });
    context.changed();
    context.announce(context.t('movedTo', { item: poll.options[item] ?? '', n: order.indexOf(item) + 1 }));
  };

  render();
  const fieldset = h(
    'fieldset',
    { 'aria-describedby': context.hintId },
    legend(context),
    hint(context, context.t('rankHint')),
    list,
  );
  return { content: [fieldset], read: () => [...order], emptyMessage: 'pickFirst' };
}

/** A group's answer: the group's name and what the group came up with, sent from one phone. */
function groupBody(context: BodyContext): FormBody {
  const start = typeof context.start === 'object' && !Array.isArray(context.start) ? context.start : null;
  const nameId = uniqueId('group');
  const textId = uniqueId('answer');
  const counterId = uniqueId('counter');
  const name = h('input', {
    type: 'text',
    id: nameId,
    name: 'group',
    maxlength: LIMITS.groupChars,
    autocomplete: 'off',
    dir: 'auto',
    'aria-describedby': context.hintId,
  });
  name.value = (start?.group ?? '').slice(0, LIMITS.groupChars);
  const text = h('textarea', {
    id: textId,
    name: 'answer',
    rows: 6,
    maxlength: LIMITS.openChars,
    autocomplete: 'off',
    lang: 'nl',
    dir: 'auto',
    'aria-describedby': counterId,
  });
  text.value = (start?.text ?? '').slice(0, LIMITS.openChars);
  const counter = h('p', { class: 'counter', id: counterId });
  const count = (): void => {
    counter.textContent = context.t('charsLeft', { n: LIMITS.openChars - text.value.length });
  };
  count();
  for (const field of [name, text]) {
    field.addEventListener('input', () => {
      count();
      context.changed();
    });
  }
  return {
    content: [
      h('h1', { class: 'question' }, dutch('span', context.poll.question)),
      hint(context, context.t('groupHint')),
      h('label', { for: nameId, class: 'field-label' }, context.t('groupName')),
      name,
      h('label', { for: textId, class: 'field-label' }, context.t('groupText')),
      text,
      counter,
    ],
    read() {
      const group = name.value.trim();
      const answers = text.value.trim();
      return group === '' || answers === '' ? null : { group, text: answers };
    },
    emptyMessage: 'groupFirst',
  };
}
