import type { RankingPoll } from '../../shared/deck.ts';
import { dutch, h } from '../dom.ts';
import { initialRanking, moveItem } from './ranking.ts';
import { hint, legend, type BodyContext, type FormBody } from './formBody.ts';

export function rankingBody(context: BodyContext, poll: RankingPoll): FormBody {
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
