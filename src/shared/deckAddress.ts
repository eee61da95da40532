// The deck's public address as the build (DECK_URL) and the share slide in the browser both handle it,
// and the QR code that encodes an address. The qrcode package is loaded only when a code is drawn, so
// a self-study deck without a share slide to fill never fetches it.

/** The text alternative of the QR code to the deck. */
export const QR_LABEL = 'QR-code met het adres van deze training';

/** `https://training.example.nl/deck/` -> `training.example.nl/deck`: easier to read and to type. */
export function displayAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** A web address (http or https) without its query and fragment, or null when it is none. */
export function webAddress(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  if (!trimmed || !URL.canParse(trimmed)) return null;
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.search = '';
  url.hash = '';
  return url.href;
}

/** The SVG markup of a QR code that encodes `text` (made by the qrcode package, from our own text). */
export async function qrCodeMarkup(text: string): Promise<string> {
  const { toString } = await import('qrcode');
  return toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}
