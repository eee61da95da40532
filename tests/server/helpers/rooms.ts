import type { ServerMessage } from '../../../src/shared/protocol.ts';
import { PollClient } from '../../helpers/pollClient.ts';

// Setting up rooms over the real protocol, the way the deck and the phones do.

export interface PresenterRoom {
  presenter: PollClient;
  room: string;
  key: string;
}

/** A new room with a presenter that shows it, the way the deck does. */
export const createRoom = (url: string): Promise<PresenterRoom> => PollClient.presenter(url);

export interface JoinedPhone {
  client: PollClient;
  /** What the server issued, to present again when joining again. */
  identity: string;
  /** The participant id the votes are stored under: the identity's first part. */
  participant: string;
  snapshot: Extract<ServerMessage, { type: 'snapshot' }>;
}

/** A phone joins `room`: as a new participant, or with the identity it got before. */
export async function joinRoom(
  url: string,
  room: string,
  identity?: string,
  localAddress?: string,
): Promise<JoinedPhone> {
  const client = await PollClient.connect(url, { localAddress });
  const snapshot = await client.request(
    identity === undefined ? { type: 'join', room } : { type: 'join', room, identity },
  );
  if (snapshot.type !== 'snapshot' || snapshot.identity === undefined)
    throw new Error(`not joined: ${JSON.stringify(snapshot)}`);
  return { client, identity: snapshot.identity, participant: participantOf(snapshot.identity), snapshot };
}

/** The participant id in an identity `<id>.<tag>`. */
export const participantOf = (identity: string): string => identity.split('.')[0] ?? '';

/** The error code of an answer, or its type when it is not an error. */
export const outcome = (message: ServerMessage): string => (message.type === 'error' ? message.code : message.type);
