import type { RevealApi } from 'reveal.js';

// On a phone the deck is a page to read: reveal.js's scroll view, with the slides one after another
// at their own height (theme/reading.css). reveal's scroll view assumes every slide is one screen
// high, so it would scroll a deep link (#/maatwerk) to the wrong place; here the deck scrolls to the
// slide itself and keeps the address at the slide being read.

/** The slide an address points to: `#/slug`, or reveal's own `#/3/1` (by position). */
export function slideOfHash(
  hash: string,
  deck: Pick<RevealApi, 'getSlide'>,
  doc: Document = document,
): HTMLElement | null {
  const path = hash.replace(/^#\/?/, '');
  if (!path) return null;
  const [first = '', second] = path.split('/');
  if (/^\d+$/.test(first) && (second === undefined || /^\d+$/.test(second))) {
    return deck.getSlide(Number(first), second === undefined ? 0 : Number(second)) ?? null;
  }
  let id: string;
  try {
    id = decodeURIComponent(first);
  } catch {
    return null;
  }
  const slide = doc.getElementById(id);
  return slide instanceof HTMLElement && slide.matches('.reveal .slides section') ? slide : null;
}

/** Makes a deck in reveal's scroll view read as one page. Does nothing in the slide view. */
export function startReadingView(deck: Pick<RevealApi, 'getSlide' | 'getViewportElement' | 'getRevealElement'>): void {
  const viewport = deck.getViewportElement();
  const reveal = deck.getRevealElement();
  if (!viewport || !reveal || !viewport.classList.contains('reveal-scroll')) return;
  const slides = (): HTMLElement[] => [...reveal.querySelectorAll<HTMLElement>('.slides section')];

  // Every slide is on the page, so none is hidden from a screen reader or from the keyboard.
  for (const slide of slides()) {
    slide.removeAttribute('aria-hidden');
    slide.removeAttribute('inert');
    slide.hidden = false;
  }

  let shown: string | null = null;
  const scrollTo = (slide: HTMLElement): void => {
    viewport.scrollTop += slide.getBoundingClientRect().top - viewport.getBoundingClientRect().top;
    shown = slide.id || null;
  };
  const followHash = (): void => {
    const slide = slideOfHash(window.location.hash, deck);
    if (slide) scrollTo(slide);
  };

  // The slide at the top third of the screen is the one being read; the address follows it, as it
  // follows the slide on screen in the slide view, so a link copied on a phone opens that slide.
  let pending = 0;
  const trackHash = (): void => {
    pending = 0;
    const line = viewport.getBoundingClientRect().top + viewport.clientHeight / 3;
    const reading = slides().find((slide) => {
      const box = slide.getBoundingClientRect();
      return box.top <= line && box.bottom > line;
    });
    if (!reading?.id || reading.id === shown) return;
    shown = reading.id;
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}#/${reading.id}`,
    );
  };

  // reveal scrolls to its own idea of a slide's place first; this runs after it and corrects it.
  window.addEventListener('hashchange', followHash);
  viewport.addEventListener(
    'scroll',
    () => {
      if (!pending) pending = window.requestAnimationFrame(trackHash);
    },
    { passive: true },
  );
  followHash();
  // Fonts can change the height of the slides above the one asked for: once they are there, the
  // deck scrolls to it again, unless the reader has scrolled on.
  const settled = viewport.scrollTop;
  void document.fonts?.ready.then(() => {
    if (viewport.scrollTop === settled) followHash();
  });
}
