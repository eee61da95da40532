import type { ServerMessage } from '../../../src/shared/protocol.ts';
import { randomParticipant, TestClient } from './testClient.ts';

// Setting up rooms over the real protocol, the way the deck and the phones do.

export interface PresenterRoom {
  presenter: TestClient;
  room: string;
  key: string;
}

export async function createRoom(url: string): Promise<PresenterRoom> {
  const presenter = await TestClient.connect(url);
  const created = await presenter.request({ type: 'create-room' });
  if (created.type !== 'room-created') throw new Error(`no room: ${JSON.stringify(created)}`);
  const snapshot = await presenter.request({ type: 'present', room: created.room, key: created.key });
  if (snapshot.type !== 'snapshot') throw new Error(`not presenting: ${JSON.stringify(snapshot)}`);
  return { presenter, room: created.room, key: created.key };
}

export async function joinRoom(
  url: string,
  room: string,
  participant = randomParticipant(),
): Promise<{ client: TestClient; participant: string; snapshot: Extract<ServerMessage, { type: 'snapshot' }> }> {
  const client = await TestClient.connect(url);
  const snapshot = await client.request({ type: 'join', room, participant });
  if (snapshot.type !== 'snapshot') throw new Error(`not joined: ${JSON.stringify(snapshot)}`);
  return { client, participant, snapshot };
}

/** The error code of an answer, or its type when it is not an error. */
export const outcome = (message: ServerMessage): string => (message.type === 'error' ? message.code : message.type);
