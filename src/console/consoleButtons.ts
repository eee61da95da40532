import { h } from '../client/dom.ts';
import type { Button } from './moderationPanel.ts';

// The console's buttons: plain ones, and ones with a key, which show it beside the label and tell it to
// screen readers (aria-keyshortcuts).

/** A console button; `data-focus` lets a rebuild give the focus back to the same one. */
export const consoleButton: Button = (label, focus, onClick, kind = 'primary', describedBy = null) => {
  const button = h(
    'button',
    { type: 'button', class: `console-button ${kind}`, 'data-focus': focus, 'aria-describedby': describedBy },
    label,
  );
  button.addEventListener('click', onClick);
  return button;
};

/** A button with its key. The label is a span of its own, so it can change while the key stays. */
export function keyedButton(
  label: string,
  key: string,
  onClick: () => void,
  { className = 'console-button primary', focus = null }: { className?: string; focus?: string | null } = {},
): HTMLButtonElement {
  const button = h(
    'button',
    { type: 'button', class: className, 'aria-keyshortcuts': key, 'data-focus': focus },
    h('span', {}, label),
    ' ',
    h('kbd', { 'aria-hidden': 'true' }, key),
  );
  button.addEventListener('click', onClick);
  return button;
}
