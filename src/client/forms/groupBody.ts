import { LIMITS } from '../../shared/protocolLimits.ts';
import { dutch, h, uniqueId } from '../dom.ts';
import { heading, hint, type BodyContext, type FormBody } from './formBody.ts';

/** A group's answer: the group's name and what the group came up with, sent from one phone. */
export function groupBody(context: BodyContext): FormBody {
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
      heading(context, dutch('span', context.poll.question)),
      hint(context, context.t('groupHint')),
      h('label', { for: nameId, class: 'field-label' }, context.t('groupName')),
      name,
      h('label', { for: textId, class: 'field-label' }, context.t('groupText')),
      text,
      counter,
    ].filter((node) => node !== null),
    read() {
      const group = name.value.trim();
      const answers = text.value.trim();
      return group === '' || answers === '' ? null : { group, text: answers };
    },
    emptyMessage: 'groupFirst',
  };
}
