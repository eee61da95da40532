// reveal.js has English labels for the controls people meet; the deck is Dutch.
const LABELS: Record<string, string> = {
  '.navigate-left': 'Vorige slide',
  '.navigate-right': 'Volgende slide',
  '.navigate-up': 'Slide erboven',
  '.navigate-down': 'Slide eronder',
};

function translate(root: HTMLElement): void {
  for (const [selector, label] of Object.entries(LABELS)) {
    root.querySelectorAll(`.controls ${selector}`).forEach((button) => button.setAttribute('aria-label', label));
  }
  const search = root.querySelector<HTMLInputElement>('.searchinput');
  if (search) {
    search.placeholder = 'Zoeken…';
    search.setAttribute('aria-label', 'Zoek in de slides');
  }
  const jump = root.querySelector<HTMLInputElement>('.jump-to-slide-input');
  if (jump) {
    jump.placeholder = 'Ga naar slide';
    jump.setAttribute('aria-label', 'Ga naar slide');
  }
}

/** Translates reveal's controls now, and its search box and jump box when reveal adds them later. */
export function translateRevealUi(root: HTMLElement): void {
  translate(root);
  new MutationObserver(() => translate(root)).observe(root, { childList: true, subtree: true });
}
