import type { Poll } from '../../shared/deck.ts';
import type { VoteValue } from '../../shared/protocol.ts';
import { dutch, h } from '../dom.ts';
import type { MessageKey } from '../i18n.ts';

// What every poll type's part of the answer form has in common; each type builds its body in its own
// module, found by type in formBodies.ts.

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface FormBody {
  /** The question as the form's heading and label, and the controls. */
  content: Node[];
  /** The vote, or null when nothing is filled in yet. */
  read: () => VoteValue | null;
  emptyMessage: MessageKey;
}

export interface BodyContext {
  poll: Poll;
  /** What to fill in: the person's unsent draft or their earlier vote. */
  start: VoteValue | null;
  t: Translate;
  /** Tells screen reader users what changed where they are not looking (e.g. a moved ranking item). */
  announce: (text: string) => void;
  hintId: string;
  showError: (message: string | null) => void;
  /** The person changed the answer. */
  changed: () => void;
}

/** The question as the form's visible heading inside the fieldset's legend. */
export function legend(context: BodyContext): HTMLLegendElement {
  return h('legend', {}, h('h1', { class: 'question' }, dutch('span', context.poll.question)));
}

export function hint(context: BodyContext, text: string): HTMLParagraphElement {
  return h('p', { class: 'hint', id: context.hintId }, text);
}
