import { WebSocket, type ClientOptions } from 'ws';
import { WS_PATH, type ClientMessage, type PollResults, type ServerMessage } from '../../src/shared/protocol.ts';

// A plain WebSocket client of the poll server, for browser tests that need a presenter or a participant
// without a browser page for it: it makes a room, shows polls, votes.

type Outgoing = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'ref'> : never) : never;

export class PollSocket {
  readonly messages: ServerMessage[] = [];
  private waiters: { test: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  private nextRef = 1;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as ServerMessage;
      this.messages.push(message);
      this.waiters = this.waiters.filter((waiter) => !(waiter.test(message) && (waiter.resolve(message), true)));
    });
  }

  /** Connects to the server at `baseUrl` (http://host:port, or https:// through a proxy). */
  static async connect(baseUrl: string, options: ClientOptions = {}): Promise<PollSocket> {
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + WS_PATH, options);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    return new PollSocket(socket);
  }

  /** A new room with this client as its presenter. */
  static async presenter(baseUrl: string): Promise<{ socket: PollSocket; room: string; key: string }> {
    const socket = await PollSocket.connect(baseUrl);
    const created = await socket.request({ type: 'create-room' });
    if (created.type !== 'room-created') throw new Error('the server made no room');
    await socket.request({ type: 'present', room: created.room, key: created.key });
    return { socket, room: created.room, key: created.key };
  }

  /** A new participant in `room`: the server issues its identity. */
  static async participant(baseUrl: string, room: string): Promise<PollSocket> {
    const socket = await PollSocket.connect(baseUrl);
    await socket.request({ type: 'join', room });
    return socket;
  }

  /** Sends with a fresh ref; resolves with the answer to it, and fails on an error answer. */
  async request(message: Outgoing): Promise<ServerMessage> {
    const ref = this.nextRef++;
    const answer = this.waitFor((m) => 'ref' in m && m.ref === ref);
    this.socket.send(JSON.stringify({ ...message, ref }));
    const reply = await answer;
    if (reply.type === 'error') throw new Error(`${message.type}: ${reply.code} ${reply.message}`);
    return reply;
  }

  /** The first message from now on that passes `test`. */
  waitFor(test: (m: ServerMessage) => boolean, timeoutMs = 10_000): Promise<ServerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the poll server sent no matching message')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** The latest results of a poll this client has received (snapshot or update). */
  latestResults(poll: string): PollResults | null {
    for (let index = this.messages.length - 1; index >= 0; index--) {
      const message = this.messages[index];
      if (message?.type === 'results' && message.results.poll === poll) return message.results;
      if (message?.type === 'snapshot') return message.results.find((r) => r.poll === poll) ?? null;
    }
    return null;
  }

  close(): void {
    this.socket.close();
  }
}
