import { WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../../../src/shared/protocol.ts';
import { WS_PATH } from '../../../src/shared/protocol.ts';

// A WebSocket client of the poll server that records what it receives, for the tests.

type Outgoing = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'ref'> : never) : never;

let nextRef = 1;

export class TestClient {
  readonly messages: ServerMessage[] = [];
  private waiters: {
    test: (m: ServerMessage) => boolean;
    resolve: (m: ServerMessage) => void;
    reject: (error: Error) => void;
  }[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      this.messages.push(message);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.test(message)) return true;
        waiter.resolve(message);
        return false;
      });
    });
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => {
        for (const waiter of this.waiters.splice(0)) waiter.reject(new Error(`connection closed (${code})`));
        resolve({ code, reason: reason.toString() });
      }),
    );
  }

  /** Connects from `localAddress` when given (any of 127.0.0.0/8 reaches a server on 127.0.0.1). */
  static connect(baseUrl: string, localAddress?: string): Promise<TestClient> {
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + WS_PATH, { localAddress });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new TestClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends raw text or a message as is. */
  sendRaw(data: string | Buffer | object): void {
    this.socket.send(typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data));
  }

  /** Sends a message with a fresh ref and resolves with the answer carrying that ref. */
  request(message: Outgoing): Promise<ServerMessage> {
    const ref = nextRef++;
    const answer = this.waitFor((m) => 'ref' in m && m.ref === ref);
    this.sendRaw({ ...message, ref });
    return answer;
  }

  /** The first message (already received or still to come) that passes `test`. */
  waitFor<T extends ServerMessage = ServerMessage>(test: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<T> {
    const found = this.messages.find(test);
    if (found) return Promise.resolve(found as T);
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.reject(new Error('connection closed'));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message arrived')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
