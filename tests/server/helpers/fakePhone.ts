import type { WebSocket } from 'ws';
import { ClientConnection } from '../../../src/server/clientConnection.ts';
import { DEFAULT_RATE_LIMIT } from '../../../src/server/rateLimiter.ts';
import type { ServerMessage } from '../../../src/shared/protocol.ts';

// A connection whose socket keeps what the server sent it, for tests of rooms with hundreds of phones.

export function fakePhone(onMessage: (message: ServerMessage) => void = () => {}) {
  const received: ServerMessage[] = [];
  const socket = {
    readyState: 1, // OPEN
    bufferedAmount: 0,
    send(data: string | Buffer) {
      const message = JSON.parse(data.toString()) as ServerMessage;
      received.push(message);
      onMessage(message);
    },
  };
  return {
    connection: new ClientConnection(socket as unknown as WebSocket, '127.0.0.1', DEFAULT_RATE_LIMIT, 0),
    received,
  };
}

export async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
