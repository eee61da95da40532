import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer.ts';
import type { Poll } from '../../src/shared/deck.ts';
import { WS_PATH } from '../../src/shared/protocol.ts';
import { maskedFrame } from './helpers/rawSocket.ts';
import { createRoom, joinRoom, outcome, type PresenterRoom } from './helpers/rooms.ts';
import { startTestServer } from './helpers/tempServer.ts';
import type { PollClient } from '../helpers/pollClient.ts';
import { testDeck } from './helpers/testDeck.ts';

// A client that stops reading its socket is cut off once the server has about 2 MB queued for it,
// whatever is queued: here pages of waiting answers, which are never skipped like a results update.
// The client is a second presenter screen that asks for page after page and never reads the answers.
// Each page is large (50 long answers), and so is each snapshot (the newest waiting answers of twenty
// polls); the kernel's socket buffers take some megabytes first, so the client asks, within the rate
// limit and the snapshot budget, until the server has sent it far more than that.

const OPEN_POLLS: Poll[] = Array.from({ length: 20 }, (_, k) => ({
  id: `lang-${k + 1}`,
  type: 'open',
  question: `Vertel ${k + 1}`,
  options: [],
  moderation: 'approve',
  hidden: false,
}));
const PHONES = 100;
const ANSWER = 'Een lang antwoord dat veel ruimte inneemt in elk bericht aan het scherm van de presentator. '.repeat(3);
const BURST = 40;
/** Below the rate limit of 20 messages a second, so the server answers every request. */
const ASK_EVERY_MS = 60;
const HEARTBEAT_DEADLINE_MS = 20_000;

let server: RunningServer;
let room: PresenterRoom;
const clients: PollClient[] = [];

beforeAll(async () => {
  const deck = testDeck();
  deck.blocks[0]?.polls.push(...OPEN_POLLS);
  server = await startTestServer({ deck });
  room = await createRoom(server.url);
  clients.push(room.presenter);
  const phones = await Promise.all(Array.from({ length: PHONES }, () => joinRoom(server.url, room.room)));
  clients.push(...phones.map((phone) => phone.client));
  for (const poll of OPEN_POLLS) {
    expect(outcome(await room.presenter.request({ type: 'show', poll: poll.id }))).toBe('ok');
    const answers = phones.map(({ client }, k) =>
      client.request({ type: 'vote', poll: poll.id, value: `${k} ${ANSWER}`.slice(0, 280) }),
    );
    expect((await Promise.all(answers)).map(outcome)).toEqual(Array(PHONES).fill('ack'));
  }
}, 60_000);
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

/** A WebSocket opened by hand and then left unread: the kernel's buffers fill, then the server's. */
function openUnread(): Promise<Socket> {
  const socket = connect(server.port, '127.0.0.1');
  return new Promise((resolve, reject) => {
    socket.on('connect', () =>
      socket.write(
        `GET ${WS_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    socket.once('data', (chunk: Buffer) => {
      if (!chunk.toString('latin1').startsWith('HTTP/1.1 101')) return reject(new Error('no upgrade'));
      socket.pause();
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

it('cuts off a client that does not read, and keeps serving the others', { timeout: 60_000 }, async () => {
  const slow = await openUnread();
  const present = JSON.stringify({ type: 'present', room: room.room, key: room.key, ref: 1 });
  const page = (k: number) =>
    maskedFrame(
      0x81,
      Buffer.from(JSON.stringify({ type: 'pending', poll: OPEN_POLLS[k % OPEN_POLLS.length]?.id, ref: k + 2 })),
    );
  slow.write(maskedFrame(0x81, Buffer.from(present)));
  let asked = 0;
  for (; asked < BURST - 1; asked++) slow.write(page(asked));

  // Once the server has dropped it, the next frame the client sends is answered with a reset. It keeps
  // asking well within the rate limit (20 a second); not with pings: ws cuts off a client that does not
  // read its pongs by itself.
  // The heartbeat would cut it off too, but 30 s after it stopped answering pings at the earliest; this
  // is a deadline well before that, not a measurement.
  let deadline: NodeJS.Timeout | undefined;
  const cutOff = new Promise<string>((resolve) => {
    slow.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    slow.once('close', () => resolve('closed'));
    deadline = setTimeout(() => resolve('still open before the heartbeat'), HEARTBEAT_DEADLINE_MS);
  });
  // A page of each poll's waiting answers, and a snapshot (all polls' newest waiting answers) as often as
  // the snapshot budget allows.
  const asking = setInterval(() => slow.write(page(asked++)), ASK_EVERY_MS);
  const presenting = setInterval(() => slow.write(maskedFrame(0x81, Buffer.from(present))), 2000);
  try {
    const how = await cutOff;
    expect(how).toMatch(/^(ECONNRESET|EPIPE|closed)$/);
  } finally {
    clearInterval(asking);
    clearInterval(presenting);
    clearTimeout(deadline);
    slow.destroy();
  }

  // The others carry on: the presenter gets a fresh snapshot, and a phone still votes.
  const snapshot = await room.presenter.request({ type: 'present', room: room.room, key: room.key });
  expect(snapshot.type).toBe('snapshot');
  const phone = await joinRoom(server.url, room.room);
  clients.push(phone.client);
  expect(
    outcome(await phone.client.request({ type: 'vote', poll: OPEN_POLLS.at(-1)?.id ?? '', value: 'nog een' })),
  ).toBe('ack');
});
