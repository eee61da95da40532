import type { PresenterAction } from '../shared/protocol.ts';
import type { ClientConnection } from './clientConnection.ts';
import type { RoomChangeFeed } from './roomChanges.ts';
import type { RoomEntry } from './roomHub.ts';
import type { Store } from './store/Store.ts';

// Where the audience view stands (slide, black screen), as the presenter consoles set it: kept on the
// room's row, so a reload resumes there, and passed on to every presenter window of the room, so the
// audience view follows a console on another device. Of two consoles the newer change wins: one that
// arrives after a newer one is answered `ok` and changes nothing. A change dated far ahead of the
// server's clock is refused: it would win against every later one and freeze the room's view.

/** How far a console's clock may run ahead of the server's. */
export const VIEW_CLOCK_SKEW_MS = 5 * 60_000;

export async function setView(
  context: { store: Store; changes: RoomChangeFeed },
  entry: RoomEntry,
  action: Extract<PresenterAction, { type: 'view' }>,
  connection: ClientConnection,
): Promise<void> {
  const { room } = entry;
  if (action.view.at > Date.now() + VIEW_CLOCK_SKEW_MS) {
    const message = 'the view is dated ahead of the server clock';
    return connection.send({ type: 'error', ref: action.ref, code: 'bad-message', message });
  }
  const known = room.view;
  if (!known || action.view.at > known.at) {
    await context.store.saveView(room.code, action.view);
    room.view = action.view;
    room.sendToPresenters({ type: 'view', view: action.view });
    context.changes.publish({ room: room.code, kind: 'view' });
  }
  connection.send({ type: 'ok', ref: action.ref });
}
