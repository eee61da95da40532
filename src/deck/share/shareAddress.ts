// The address the share slide ("Deel deze training") shows as a QR code and a link. Built with
// DECK_URL, the slide has it already; otherwise it is the address the deck was opened at, when that
// address works for someone else too.

export type ShareAddress =
  | { kind: 'address'; url: string }
  /**
   * No address to share: `file` (opened from disk), `local` (this computer only: localhost), `live`
   * (the presenter's deck of a live session: anyone opening it would start a session of their own).
   */
  | { kind: 'none'; reason: 'file' | 'local' | 'live' };

type Place = Pick<Location, 'protocol' | 'hostname' | 'origin' | 'pathname'>;

const LOCAL_HOSTS = /^(?:localhost|.+\.localhost|127(?:\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i;

/** The address to share for a deck opened at `place`; `live` when a poll server serves the deck. */
export function shareAddress(place: Place, live: boolean): ShareAddress {
  if (place.protocol !== 'http:' && place.protocol !== 'https:') return { kind: 'none', reason: 'file' };
  if (LOCAL_HOSTS.test(place.hostname)) return { kind: 'none', reason: 'local' };
  if (live) return { kind: 'none', reason: 'live' };
  // `…/index.html` and `…/` are the same deck; the shorter address makes a simpler QR code.
  return { kind: 'address', url: `${place.origin}${place.pathname.replace(/\/index\.html$/, '/')}` };
}

/** The command a trainer gives to build the deck with its address; shown when there is none. */
export const DECK_URL_EXAMPLE = 'DECK_URL=https://training.voorbeeld.nl npm run build';

/** Why the slide shows no QR code, in plain Dutch, and how a trainer gets one there. */
export function noAddressNote(reason: 'file' | 'local' | 'live'): { why: string; how: string; command: string } {
  const why = {
    file: 'Je hebt deze training als bestand geopend. Daarom is er geen adres om te delen. Je kunt het bestand zelf doorsturen.',
    local: 'Deze training staat nu alleen op deze computer. Dat adres werkt niet op een andere telefoon of computer.',
    live: 'Deze training draait nu met live polls. Dat adres is alleen voor de trainer.',
  }[reason];
  return {
    why,
    how: 'Voor trainers: zet de training op een website en open haar daar. Of bouw de training met het adres erbij:',
    command: DECK_URL_EXAMPLE,
  };
}
