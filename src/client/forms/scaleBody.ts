import type { ScalePoll } from '../../shared/deck.ts';
import { dutch, h, uniqueId } from '../dom.ts';
import { hint, legend, type BodyContext, type FormBody } from './formBody.ts';

export function scaleBody(context: BodyContext, poll: ScalePoll): FormBody {
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
