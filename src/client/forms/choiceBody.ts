import type { MultiplePoll } from '../../shared/deck.ts';
import { dutch, h, uniqueId } from '../dom.ts';
import { hint, legend, type BodyContext, type FormBody } from './formBody.ts';

export function choiceBody(
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
    // Many options go in two columns on a slide, so it keeps its 1280x720.
    { class: context.poll.options.length > 6 ? 'options many' : 'options' },
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
