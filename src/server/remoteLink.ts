import type { ClientConnection } from './clientConnection.ts';
import type { LiveRoom } from './liveRoom.ts';
import { hashKey, newRemoteToken } from './roomCredentials.ts';
import type { RoomChangeFeed } from './roomChanges.ts';
import type { RoomHub } from './roomHub.ts';
import type { Store } from './store/Store.ts';

// The remote-control link (the console on the trainer's phone) carries a token of its own, never the
// room key: the deck asks for one, and asking again replaces it, so a link that was seen or scanned by
// someone else can be made useless at once without ending the session.

/** The close code for a remote control whose link was replaced; it reconnects and is refused. */
export const CLOSE_REMOTE_REPLACED = 4001;

/**
 * Makes the room's new remote token, stores its hash, cuts off the remotes that came with the old one,
 * and answers with the token. Only a presenter that joined with the room key may: a remote may not
 * make links (nor push the trainer's own phone out).
 */
export async function newRemoteLink(
  context: { store: Store; hub: RoomHub; changes: RoomChangeFeed },
  connection: ClientConnection,
  ref: number | undefined,
): Promise<void> {
  const { store, hub, changes } = context;
  const membership = connection.membership;
  if (membership?.role !== 'presenter' || membership.entry.room.remotes.has(connection)) {
    const message = 'only the deck with the room key can make a remote link';
    return connection.send({ type: 'error', ref, code: 'not-presenter', message });
  }
  const { room } = membership.entry;
  const token = newRemoteToken();
  const remoteHash = hashKey(token);
  await store.setRemoteHash(room.code, remoteHash);
  room.remoteHash = remoteHash;
  cutOffRemotes(hub, room);
  changes.publish({ room: room.code, kind: 'remote' });
  connection.send({ type: 'remote-link', ref, room: room.code, token });
}

/** The remotes that came with a replaced token lose their rights at once; they reconnect and are refused. */
export function cutOffRemotes(hub: RoomHub, room: LiveRoom): void {
  for (const remote of [...room.remotes]) {
    hub.detach(remote);
    remote.socket.close(CLOSE_REMOTE_REPLACED, 'remote link replaced');
  }
}
