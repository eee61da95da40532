import type { Poll } from '../../shared/deck.ts';
import type { VoteValue } from '../../shared/protocol.ts';
import { dutch, h } from '../dom.ts';
import type { FormMessageKey, Translate } from './formWords.ts';

// What every poll type's part of the answer form has in common; each type builds its body in its own
// module, found by type in formBodies.ts.

export interface FormBody {
  /** The question as the form's heading and label, and the controls. */
  content: Node[];
  /** The vote, or null when nothing is filled in yet. */
  read: () => VoteValue | null;
  emptyMessage: FormMessageKey;
}

export interface BodyContext {
  poll: Poll;
  /** What to fill in: the person's unsent draft or their earlier vote. */
  start: VoteValue | null;
  t: Translate;
  /** Tells screen reader users what changed where they are not looking (e.g. a moved ranking item). */
  announce: (text: string) => void;
  /**
   * On a slide (self-study) the question and how to answer stand above the form already: the form keeps
   * them for screen readers only. On the phone the form shows them.
   */
  onSlide: boolean;
  hintId: string;
  showError: (message: string | null) => void;
  /** The person changed the answer. */
  changed: () => void;
}

const seen = (context: BodyContext, className: string): string =>
  context.onSlide ? `${className} visually-hidden` : className;

/** The question as the form's visible heading inside the fieldset's legend. */
export function legend(context: BodyContext): HTMLLegendElement {
  return context.onSlide
    ? h('legend', { class: 'visually-hidden' }, dutch('span', context.poll.question))
    : h('legend', {}, h('h1', { class: 'question' }, dutch('span', context.poll.question)));
}

/** The question above a form without a fieldset (text answers); on a slide, none: the slide shows it. */
export function heading(context: BodyContext, question: Node): HTMLElement | null {
  return context.onSlide ? null : h('h1', { class: 'question' }, question);
}

export function hint(context: BodyContext, text: string): HTMLParagraphElement {
  return h('p', { class: seen(context, 'hint'), id: context.hintId }, text);
}
