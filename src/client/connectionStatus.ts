/** How a page's link to the poll server stands: the deck, the remote control and the phone alike. */
export type ConnectionStatus =
  /** The first attempt, before the server answered. */
  | 'connecting'
  /** The server sent its snapshot: what the page shows is what the server holds. */
  | 'connected'
  /** The connection dropped; the socket tries again by itself. */
  | 'offline'
  /** The presenter declined to start a session (no password given). */
  | 'no-session';
