import { WebSocket, type ClientOptions } from 'ws';
import { WS_PATH, type ClientMessage, type PollResults, type ServerMessage } from '../../src/shared/protocol.ts';

// The one WebSocket client of the poll server for server tests, browser tests and the bench. It keeps
// every message it receives, so `waitFor` finds a message whether it came already or is still to come;
// `lean` (the bench: thousands in one process) keeps only the requests still waiting for their answer.

type Outgoing = ClientMessage extends infer M ? (M extends unknown ? Omit<M, 'ref'> : never) : never;

export interface PollClientOptions extends ClientOptions {
  /** Keep no message log: only waiting requests; everything else goes to onBroadcast. */
  lean?: boolean;
}

interface Waiter {
  test: (message: ServerMessage) => boolean;
  resolve: (message: ServerMessage) => void;
  reject: (error: Error) => void;
}

/** How long a test waits for a message; the lean bench waits as long as the server takes. */
const WAIT_MS = 10_000;

/** Refs are unique across clients, so an answer can never be taken for another client's. */
let nextRef = 1;

export class PollClient {
  /** Every message received, oldest first (empty for a lean client). */
  readonly messages: ServerMessage[] = [];
  /** Messages that answer no request of this client: results, presence, state. */
  onBroadcast: (message: ServerMessage) => void = () => {};
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiting = new Map<number, Waiter>();
  private waiters: Waiter[] = [];

  private constructor(
    readonly socket: WebSocket,
    private readonly lean: boolean,
  ) {
    socket.on('message', (data) => this.receive(JSON.parse(String(data)) as ServerMessage));
    this.closed = new Promise((resolve) =>
      socket.on('close', (code, reason) => {
        const error = new Error(`connection closed (${code})`);
        for (const waiter of [...this.waiting.values(), ...this.waiters]) waiter.reject(error);
        this.waiting.clear();
        this.waiters = [];
        resolve({ code, reason: reason.toString() });
      }),
    );
    // A reset when the server stops; the close handler above settles what was waiting.
    socket.on('error', () => {});
  }

  /** Connects to `baseUrl` (http://host:port, or https:// through a proxy); `localAddress` picks the source. */
  static connect(baseUrl: string, options: PollClientOptions = {}): Promise<PollClient> {
    const { lean = false, ...socketOptions } = options;
    const socket = new WebSocket(baseUrl.replace(/^http/, 'ws') + WS_PATH, socketOptions);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new PollClient(socket, lean)));
      socket.once('error', reject);
    });
  }

  /** A new room with a new client as its presenter. */
  static async presenter(baseUrl: string): Promise<{ presenter: PollClient; room: string; key: string }> {
    const presenter = await PollClient.connect(baseUrl);
    const created = await presenter.requestOk({ type: 'create-room' });
    if (created.type !== 'room-created') throw new Error(`no room: ${JSON.stringify(created)}`);
    await presenter.requestOk({ type: 'present', room: created.room, key: created.key });
    return { presenter, room: created.room, key: created.key };
  }

  /** A new participant in `room`: the server issues its identity. */
  static async participant(baseUrl: string, room: string): Promise<PollClient> {
    const client = await PollClient.connect(baseUrl);
    await client.requestOk({ type: 'join', room });
    return client;
  }

  /** Sends raw text or a message as is. */
  sendRaw(data: string | Buffer | object): void {
    this.socket.send(typeof data === 'string' || Buffer.isBuffer(data) ? data : JSON.stringify(data));
  }

  /** Sends a message with a fresh ref; resolves with the answer carrying that ref, an error answer too. */
  request(message: Outgoing): Promise<ServerMessage> {
    const ref = nextRef++;
    const answer = new Promise<ServerMessage>((resolve, reject) => {
      const timer = this.lean ? undefined : setTimeout(() => fail(new Error(`no answer to ${message.type}`)), WAIT_MS);
      const settle = () => {
        clearTimeout(timer);
        this.waiting.delete(ref);
      };
      const fail = (error: Error) => (settle(), reject(error));
      this.waiting.set(ref, { test: () => true, resolve: (m) => (settle(), resolve(m)), reject: fail });
    });
    this.sendRaw({ ...message, ref });
    return answer;
  }

  /** As request, and fails on an error answer. */
  async requestOk(message: Outgoing): Promise<ServerMessage> {
    const reply = await this.request(message);
    if (reply.type === 'error') throw new Error(`${message.type}: ${reply.code} ${reply.message}`);
    return reply;
  }

  /** The first message, already received or still to come, that passes `test`. */
  waitFor<T extends ServerMessage = ServerMessage>(
    test: (m: ServerMessage) => boolean,
    timeoutMs = WAIT_MS,
  ): Promise<T> {
    if (this.lean) return Promise.reject(new Error('a lean client keeps no messages to wait for'));
    const found = this.messages.find(test);
    if (found) return Promise.resolve(found as T);
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.reject(new Error('connection closed'));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message arrived')), timeoutMs);
      this.waiters.push({
        test,
        resolve: (m) => (clearTimeout(timer), resolve(m as T)),
        reject: (error) => (clearTimeout(timer), reject(error)),
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

  /** Drops the connection at once, without a close handshake (thousands at the end of a bench run). */
  terminate(): void {
    this.socket.terminate();
  }

  private receive(message: ServerMessage): void {
    if (!this.lean) this.messages.push(message);
    const ref = 'ref' in message ? message.ref : undefined;
    const answered = ref === undefined ? undefined : this.waiting.get(ref);
    this.waiters = this.waiters.filter((waiter) => !(waiter.test(message) && (waiter.resolve(message), true)));
    if (answered) answered.resolve(message);
    else this.onBroadcast(message);
  }
}
