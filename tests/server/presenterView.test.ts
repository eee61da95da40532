import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/startServer.ts';
import type { ServerMessage, ViewState } from '../../src/shared/protocol.ts';
import { PollClient } from '../helpers/pollClient.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { startTestServer } from './helpers/tempServer.ts';

// Where the audience view stands (`view`): kept with the room, passed on to the room's other presenter
// windows and to nobody else, given back in a presenter's snapshot; the newer of two consoles wins.

let server: RunningServer;
const clients: PollClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
});

const viewAt = (h: number, at: number, black = false): ViewState => ({ slide: { h, v: 0 }, black, at });
const isView = (view: ViewState) => (m: ServerMessage) =>
  m.type === 'view' && JSON.stringify(m.view) === JSON.stringify(view);

async function presentAgain(room: string, key: string) {
  const client = await PollClient.connect(server.url);
  clients.push(client);
  const snapshot = await client.request({ type: 'present', room, key });
  if (snapshot.type !== 'snapshot') throw new Error(JSON.stringify(snapshot));
  return { client, snapshot };
}

describe('the audience view', () => {
  it('goes to the room’s other presenter windows, not to the phones, and a reload gets it back', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    clients.push(presenter);
    const audience = await presentAgain(room, key);
    expect(audience.snapshot.view).toBeNull();
    const phone = await joinRoom(server.url, room);
    clients.push(phone.client);

    const view = viewAt(5, Date.now(), true);
    expect(outcome(await presenter.request({ type: 'view', view }))).toBe('ok');
    await audience.client.waitFor(isView(view));
    await phone.client.request({ type: 'join', room, identity: phone.identity });
    expect(phone.client.messages.some((m) => m.type === 'view')).toBe(false);

    const reloaded = await presentAgain(room, key);
    expect(reloaded.snapshot.view).toEqual(view);
  });

  it('keeps the newer of two consoles’ changes, also when the older arrives later', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    clients.push(presenter);
    const other = await presentAgain(room, key);
    const newer = viewAt(7, Date.now());
    const older = viewAt(3, newer.at - 1000);
    expect(outcome(await other.client.request({ type: 'view', view: newer }))).toBe('ok');
    expect(outcome(await presenter.request({ type: 'view', view: older }))).toBe('ok');
    await presenter.waitFor(isView(newer));
    expect(presenter.messages.some(isView(older))).toBe(false);
    expect((await presentAgain(room, key)).snapshot.view).toEqual(newer);
  });

  it('is refused from a phone and when it names no slide', async () => {
    const { presenter, room } = await createRoom(server.url);
    clients.push(presenter);
    const phone = await joinRoom(server.url, room);
    clients.push(phone.client);
    expect(outcome(await phone.client.request({ type: 'view', view: viewAt(1, Date.now()) }))).toBe('not-presenter');
    const bad = { type: 'view', view: { slide: { h: -1, v: 0 }, black: false, at: Date.now() } };
    expect(outcome(await presenter.request(bad as never))).toBe('bad-message');
    expect(outcome(await presenter.request({ type: 'show', poll: null }))).toBe('ok');
  });

  it('refuses a change dated far ahead, which would freeze the view, and keeps taking later ones', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    clients.push(presenter);
    const future = viewAt(9, Date.now() + 24 * 3600_000);
    expect(outcome(await presenter.request({ type: 'view', view: future }))).toBe('bad-message');
    const now = viewAt(2, Date.now());
    expect(outcome(await presenter.request({ type: 'view', view: now }))).toBe('ok');
    expect((await presentAgain(room, key)).snapshot.view).toEqual(now);
  });
});
