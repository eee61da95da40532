// One polite live region for the whole deck: state changes (voting opened, results shown, connection
// lost) are read out by screen readers, without moving the focus.

let region: HTMLElement | null = null;

export function announce(message: string): void {
  if (!region) {
    region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('role', 'status');
    region.dataset.pollAnnouncer = '';
    document.body.append(region);
  }
  const target = region;
  // Emptying first makes a repeated message count as a change, so it is read out again.
  target.textContent = '';
  window.setTimeout(() => (target.textContent = message), 50);
}
