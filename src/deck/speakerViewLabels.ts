// reveal's speaker view (press S) is a window the notes plugin opens on about:blank and writes its
// own English page into. It has the deck's origin, so the deck can put Dutch labels in it right after
// the plugin wrote it, and keep them Dutch when the page changes its own texts (the layout, the clock).

/** The window name the notes plugin opens its speaker view with. */
export const SPEAKER_VIEW_WINDOW = 'reveal.js - Notes';

const LAYOUTS: Record<string, string> = {
  default: 'Standaard',
  wide: 'Breed',
  tall: 'Hoog',
  'notes-only': 'Alleen aantekeningen',
};

/** The English texts the speaker view's page sets itself, and their Dutch. */
const STATUS: [RegExp, string][] = [
  [/^Loading speaker view/, 'De sprekersweergave wordt geladen…'],
  [/^Cross origin error/, 'De sprekersweergave werkt alleen vanaf dezelfde website als de presentatie.'],
  [
    /^Error connecting to main window/,
    'Geen verbinding met de presentatie. Sluit de sprekersweergave en open haar opnieuw.',
  ],
];

/** `09:41 PM` -> `21:41`: the clock as the Netherlands reads it. */
export function dutchClock(text: string): string {
  const match = /^\s*(\d{1,2}):(\d{2})\s*([AP])M\s*$/i.exec(text);
  if (!match) return text;
  const hours = (Number(match[1]) % 12) + (match[3]?.toUpperCase() === 'P' ? 12 : 0);
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

function setText(element: Element | null | undefined, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

/** Puts Dutch labels in the speaker view's page; safe to run again and again. */
export function translateSpeakerView(doc: Document): void {
  if (doc.documentElement.lang !== 'nl') doc.documentElement.lang = 'nl';
  if (doc.title !== 'Sprekersweergave') doc.title = 'Sprekersweergave';

  const status = doc.querySelector('#connection-status');
  const dutch = STATUS.find(([english]) => english.test(status?.textContent ?? ''))?.[1];
  if (dutch) setText(status, dutch);

  setText(doc.querySelector('#upcoming-slide > .label'), 'Hierna');
  const time = doc.querySelector('.speaker-controls-time > h4.label');
  const timeText = [...(time?.childNodes ?? [])].find((node) => node.nodeType === 3 && node.textContent?.trim());
  if (timeText && timeText.textContent !== 'Tijd ') timeText.textContent = 'Tijd ';
  setText(doc.querySelector('.reset-button'), 'Klik om opnieuw te beginnen');
  setText(doc.querySelector('.pacing-title'), 'Tempo – tijd over voor deze slide');
  setText(doc.querySelector('.speaker-controls-notes > .label'), 'Aantekeningen');

  const dropdown = doc.querySelector<HTMLSelectElement>('.speaker-layout-dropdown');
  for (const option of dropdown?.options ?? []) setText(option, LAYOUTS[option.value] ?? option.text);
  if (dropdown && !dropdown.hasAttribute('aria-label')) dropdown.setAttribute('aria-label', 'Weergave');
  const layout = doc.querySelector('.speaker-layout-label');
  if (layout && dropdown) setText(layout, `Weergave: ${LAYOUTS[dropdown.value] ?? dropdown.value}`);

  const clock = doc.querySelector('.clock-value');
  if (clock) setText(clock, dutchClock(clock.textContent ?? ''));
}

/**
 * Makes the speaker view Dutch whenever the notes plugin opens it: the plugin opens the window and
 * writes its page in one go, so the labels are translated right after, and again on every change.
 */
export function translateSpeakerViewWhenOpened(win: Window = window): void {
  const open = win.open.bind(win);
  win.open = (url?: string | URL, target?: string, features?: string): Window | null => {
    const popup = open(url, target, features);
    if (popup && target === SPEAKER_VIEW_WINDOW) {
      queueMicrotask(() => {
        let doc: Document;
        try {
          doc = popup.document;
        } catch {
          return;
        }
        translateSpeakerView(doc);
        const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
        new Observer(() => translateSpeakerView(doc)).observe(doc.documentElement, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
    }
    return popup;
  };
}
