import { WebSocket } from 'ws';
import { WS_PATH, type ClientMessage, type ServerMessage } from '../../src/shared/protocol.ts';

// A lean WebSocket client of the poll server for the load generator: thousands of them run in one
// process, so it keeps only the requests still waiting for their answer, not every message it got.

type Outgoing = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'ref'> : never) : never;

export class BenchClient {
  private nextRef = 1;
  private readonly waiting = new Map<number, { resolve: (m: ServerMessage) => void; reject: (e: Error) => void }>();
  /** Messages that answer no request: results, presence, state. */
  onBroadcast: (message: ServerMessage) => void = () => {};

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      const ref = 'ref' in message ? message.ref : undefined;
      const waiter = ref === undefined ? undefined : this.waiting.get(ref);
      if (ref !== undefined && waiter) {
        this.waiting.delete(ref);
        waiter.resolve(message);
      } else this.onBroadcast(message);
    });
    socket.on('close', (code) => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error(`connection closed (${code})`));
      this.waiting.clear();
    });
    // A reset when the server is stopped; the close handler above settles what was waiting.
    socket.on('error', () => {});
  }

  /** Connects from `localAddress` when given (any of 127.0.0.0/8 reaches a server on 127.0.0.1). */
  static connect(baseUrl: string, localAddress?: string): Promise<BenchClient> {
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + WS_PATH, { perMessageDeflate: false, localAddress });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new BenchClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends a message with a fresh ref; resolves with the server's answer to it. */
  request(message: Outgoing): Promise<ServerMessage> {
    const ref = this.nextRef++;
    const answer = new Promise<ServerMessage>((resolve, reject) => this.waiting.set(ref, { resolve, reject }));
    this.socket.send(JSON.stringify({ ...message, ref }));
    return answer;
  }

  /** Drops the connection at once, without a close handshake (thousands at the end of a run). */
  terminate(): void {
    this.socket.terminate();
  }
}
