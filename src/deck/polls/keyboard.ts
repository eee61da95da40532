/**
 * reveal.js reads keys on the whole document. Keys meant for a focused button or field on a slide,
 * or for an open dialog, must not also turn the page: Space and Enter press a button, not "next",
 * and Escape closes the dialog rather than opening reveal's overview.
 */
export function revealMayUseKey(event: KeyboardEvent): boolean {
  if (document.querySelector('dialog[open]')) return false;
  const target = event.target;
  if (!(target instanceof Element)) return true;
  // A list box uses the arrow keys itself (the console's agenda part list).
  if (target.closest('select')) return false;
  if (event.key !== ' ' && event.key !== 'Enter') return true;
  return !target.closest('button, summary, a[href], label, select');
}
