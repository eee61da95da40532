import { qrCodeMarkup } from '../../shared/deckAddress.ts';

// QR codes drawn in the browser as SVG elements.

/** An SVG element that encodes `text`, with a text alternative. */
export async function qrCodeSvg(text: string, label: string): Promise<SVGSVGElement> {
  const markup = await qrCodeMarkup(text);
  // The markup is made by the qrcode package from our own URL, not from anyone's input.
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
  const element = document.importNode(parsed, true) as unknown as SVGSVGElement;
  element.removeAttribute('width');
  element.removeAttribute('height');
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', label);
  element.setAttribute('focusable', 'false');
  element.classList.add('qr-code');
  return element;
}
