import type { Poll } from '../../shared/deck.ts';
import type { VoteValue } from '../../shared/protocol.ts';
import { textProblem } from '../../shared/textRules.ts';
import { h, uniqueId } from '../dom.ts';
import { typedTexts } from './answerText.ts';
import { buildBody } from './formBodies.ts';
import type { BodyContext } from './formBody.ts';
import type { Translate } from './formWords.ts';

export interface AnswerFormOptions {
  poll: Poll;
  /** What to fill in: the person's unsent draft or their earlier vote. */
  start: VoteValue | null;
  t: Translate;
  /** Every change, so a re-render (another language, a fresh snapshot) keeps what was filled in. */
  onDraft: (value: VoteValue | null) => void;
  onSubmit: (value: VoteValue) => void;
  /** Tells screen reader users what changed where they are not looking (e.g. a moved ranking item). */
  announce: (text: string) => void;
  /** The self-study deck's form, under the question on its slide (see BodyContext). */
  onSlide?: boolean;
  /** The button's words; null: no button (self-study keeps a pick at once, through onDraft). */
  submitLabel?: string | null;
}

export interface AnswerForm {
  element: HTMLFormElement;
  setBusy: (busy: boolean) => void;
  showError: (message: string | null) => void;
}

/**
 * The form to answer one poll, on the phone and in the self-study deck: large targets, the question as
 * its label, one button to send or keep it.
 */
export function buildAnswerForm(options: AnswerFormOptions): AnswerForm {
  const { poll, t } = options;
  const submitLabel = options.submitLabel === undefined ? t('send') : options.submitLabel;
  const hintId = uniqueId('hint');
  const errorBox = h('p', { class: 'form-error', role: 'alert' });
  const submit = submitLabel === null ? null : h('button', { type: 'submit', class: 'primary' }, submitLabel);
  const form = h('form', { class: `poll-form poll-${poll.type}`, novalidate: true });

  const showError = (message: string | null): void => {
    errorBox.textContent = message ?? '';
  };
  // `changed` runs only after the body exists: on the person's input.
  const changed = (): void => {
    showError(null);
    options.onDraft(body.read());
  };
  const context: BodyContext = { ...options, onSlide: options.onSlide ?? false, hintId, showError, changed };
  const body = buildBody(context);
  form.append(...body.content, errorBox, ...(submit ? [submit] : []));

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
      if (!submit) return;
      submit.textContent = next ? t('sending') : submitLabel;
      submit.setAttribute('aria-disabled', String(next));
    },
  };
}
