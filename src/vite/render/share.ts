import { displayAddress, QR_LABEL, qrCodeMarkup } from '../../shared/deckAddress.ts';
import { escapeHtml } from './html.ts';

// The share spot of a slide: `[[qr-code]]` on a line of its own in an opening or closing slide
// becomes a QR code with the deck's address and the address as a link. With DECK_URL the build
// draws both; without it the deck fills them in when it opens (src/deck/share/).

/** What a trainer writes in a slide file where the QR code goes. */
export const SHARE_MARKER = '[[qr-code]]';

/** The marker as markdown renders it: a paragraph of its own. */
const RENDERED_MARKER = `<p>${SHARE_MARKER}</p>`;

/** The deck's public address, known at build time (DECK_URL), with its QR code as SVG markup. */
export interface ShareInfo {
  url: string;
  svg: string;
}

/** Draws the QR code for `url` as inline SVG with a text alternative. */
export async function shareInfo(url: string): Promise<ShareInfo> {
  const markup = await qrCodeMarkup(url);
  const svg = markup
    .trim()
    .replace(/^<svg\b/, `<svg class="qr-code" role="img" aria-label="${escapeHtml(QR_LABEL)}" focusable="false"`);
  return { url, svg };
}

function shareSpot(info: ShareInfo | null): string {
  if (!info) {
    return (
      '<div class="share" data-share=""><div class="share-qr"></div>' +
      '<div class="share-text"><p class="share-address"></p></div></div>'
    );
  }
  const url = escapeHtml(info.url);
  return (
    `<div class="share" data-share="" data-share-url="${url}"><div class="share-qr">${info.svg}</div>` +
    `<div class="share-text"><p class="share-address"><a href="${url}">${escapeHtml(displayAddress(info.url))}</a></p></div></div>`
  );
}

/** Whether rendered slide text holds the share marker. */
export function hasShareMarker(html: string): boolean {
  return html.includes(RENDERED_MARKER);
}

/** Puts the share spot where the marker is in rendered slide text. */
export function placeShareSpot(html: string, info: ShareInfo | null): string {
  return html.replaceAll(RENDERED_MARKER, () => shareSpot(info));
}
