import { waitsForApproval } from '../../shared/deck.ts';
import { dutch, h, uniqueId } from '../dom.ts';
import { heading, hint, type BodyContext, type FormBody } from './formBody.ts';

export function textBody(context: BodyContext, maxLength: number, long: boolean): FormBody {
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
      heading(context, h('label', { for: id }, dutch('span', poll.question))) ??
        h('label', { for: id, class: 'visually-hidden' }, dutch('span', poll.question)),
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
