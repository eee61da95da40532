import { readPollServerConfig } from '../../client/pollServerConfig.ts';
import { qrCodeSvg } from '../polls/qrCode.ts';
import { displayAddress, QR_LABEL } from '../../shared/deckAddress.ts';
import { noAddressNote, shareAddress, type ShareAddress } from './shareAddress.ts';

// The share slide: a QR code and a link to this deck. The build marks the spot (`.share`, from
// `[[qr-code]]` in a slide file); when the build knew the address (DECK_URL) the code is there
// already, otherwise it is drawn here from the address the deck was opened at.

function paragraph(className: string, text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}

async function fill(spot: HTMLElement, address: ShareAddress): Promise<void> {
  const qr = spot.querySelector<HTMLElement>('.share-qr');
  const text = spot.querySelector<HTMLElement>('.share-text');
  if (!qr || !text) return;
  if (address.kind === 'none') {
    const note = noAddressNote(address.reason);
    spot.classList.add('share-none');
    spot.dataset.shareReason = address.reason;
    qr.hidden = true;
    const how = paragraph('share-how', `${note.how} `);
    const command = document.createElement('code');
    command.textContent = note.command;
    how.append(command);
    text.replaceChildren(paragraph('share-why', note.why), how);
    return;
  }
  const link = document.createElement('a');
  link.href = address.url;
  link.textContent = displayAddress(address.url);
  const line = text.querySelector<HTMLElement>('.share-address') ?? paragraph('share-address', '');
  line.replaceChildren(link);
  if (!line.isConnected) text.append(line);
  spot.dataset.shareUrl = address.url;
  qr.replaceChildren(await qrCodeSvg(address.url, QR_LABEL));
}

/** Fills every share spot that the build left without an address. */
export function startShareSlides(doc: Document = document, place: Location = window.location): Promise<void> {
  const spots = [...doc.querySelectorAll<HTMLElement>('.reveal .share[data-share]')].filter(
    (spot) => !spot.dataset.shareUrl,
  );
  if (spots.length === 0) return Promise.resolve();
  const address = shareAddress(place, readPollServerConfig(doc).mode === 'live');
  return Promise.all(spots.map((spot) => fill(spot, address))).then(
    () => undefined,
    (error: unknown) => console.warn('De QR-code voor het delen kon niet worden getekend.', error),
  );
}
