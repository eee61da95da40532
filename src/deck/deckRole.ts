// Which window of a session this page is. Decided once, when the page loads, from the address and the
// poll-server mode:
// - `console`: the presenter's console on the laptop (the default with a poll server; `?console`
//   without one, to rehearse or present from disk);
// - `remote`: the same console on the trainer's phone (`?remote`, with the remote link's token);
// - `audience`: the room's view on the projector (`?audience`), opened by the console;
// - `deck`: the deck on its own, without poll server: for self-study, and printing (`?print-pdf`);
// - `reading`: a phone reading the deck as one page (see readingView.ts).

export type DeckRole = 'console' | 'remote' | 'audience' | 'deck' | 'reading';

/** reveal's own `scrollActivationWidth`: at this window width and below, the deck is a page to read. */
export const READING_VIEW_MAX_WIDTH = 435;

export function deckRole(location: Pick<Location, 'search'>, width: number, live: boolean): DeckRole {
  const search = new URLSearchParams(location.search);
  if (search.has('print-pdf')) return 'deck';
  if (search.has('audience')) return 'audience';
  if (search.has('remote')) return 'remote';
  if (search.has('console')) return 'console';
  if (width > 0 && width <= READING_VIEW_MAX_WIDTH) return 'reading';
  return live ? 'console' : 'deck';
}

/** The console and the remote control run the session; the audience view only follows. */
export const runsSession = (role: DeckRole): boolean => role === 'console' || role === 'remote';
