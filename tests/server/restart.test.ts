import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/server/startServer.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { makeDataDir, makeDist, startTestServer } from './helpers/tempServer.ts';
import { TestClient } from './helpers/testClient.ts';
import { POLLS } from './helpers/testDeck.ts';

// Durability: a vote that was acknowledged is in the database, even when the server process is killed
// (SIGKILL: no shutdown code runs) while other votes are still on their way.

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** `npm start`'s server (src/server/main.ts) as a separate process; resolves once it listens. */
function startProcess(dataDir: string, distDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, PUBLIC_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolvePromise({ child, url: `http://127.0.0.1:${port}` });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGKILL');
  });

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('restart', () => {
  it('keeps every acknowledged vote when the process is killed mid-stream', async () => {
    const dataDir = makeDataDir();
    const distDir = makeDist();
    const first = await startProcess(dataDir, distDir);
    children.push(first.child);

    const { presenter, room, key } = await createRoom(first.url);
    await presenter.request({ type: 'show', poll: POLLS.scale.id });
    const phones = await Promise.all(Array.from({ length: 80 }, () => joinRoom(first.url, room)));

    // Every phone votes once, all at the same moment; the process is killed as soon as 40 acks are in.
    // (One vote each: with two, a second vote could be committed while its ack was still on the way.)
    const acked = new Map<string, number>();
    let kill: Promise<void> | null = null;
    const sent = phones.map(({ client, participant }, k) => {
      const value = (k % 5) + 1;
      return client
        .request({ type: 'vote', poll: POLLS.scale.id, value })
        .then((answer) => {
          if (answer.type !== 'ack') return;
          acked.set(participant, value);
          if (acked.size === 40) kill = killed(first.child);
        })
        .catch(() => {}); // in flight when the process died
    });
    await Promise.all(sent);
    await kill;
    expect(acked.size).toBeGreaterThanOrEqual(40);
    for (const { client } of phones) client.close();

    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    const stored = new Map(
      db
        .prepare<[], { participant: string; value: string }>('SELECT participant, value FROM votes')
        .all()
        .map((row) => [row.participant, Number(row.value)]),
    );
    db.close();
    for (const [participant, value] of acked) expect(stored.get(participant)).toBe(value);

    // The restarted server carries on with the same room and votes.
    const second = await startProcess(dataDir, distDir);
    children.push(second.child);
    const deck = await TestClient.connect(second.url);
    const snapshot = await deck.request({ type: 'present', room, key });
    expect(snapshot).toMatchObject({ type: 'snapshot', current: { poll: POLLS.scale.id, open: true } });
    const results = snapshot.type === 'snapshot' ? snapshot.results[0] : undefined;
    expect(results?.voters).toBe(stored.size);
    const again = await joinRoom(second.url, room);
    expect(outcome(await again.client.request({ type: 'vote', poll: POLLS.scale.id, value: 3 }))).toBe('ack');
    deck.close();
    again.client.close();
  });

  it('deletes rooms past the retention period when it starts', async () => {
    const dataDir = makeDataDir();
    const distDir = makeDist();
    const server = await startTestServer({ dataDir, distDir, retentionDays: 30 });
    const old = await createRoom(server.url);
    const fresh = await createRoom(server.url);
    await old.presenter.request({ type: 'show', poll: POLLS.single.id });
    const phone = await joinRoom(server.url, old.room);
    await phone.client.request({ type: 'vote', poll: POLLS.single.id, value: 1 });
    for (const client of [old.presenter, fresh.presenter, phone.client]) client.close();
    await server.close();

    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare('UPDATE rooms SET created_at = ? WHERE code = ?').run(Date.now() - 31 * 24 * 3600 * 1000, old.room);
    db.close();

    const restarted = await startTestServer({ dataDir, distDir, retentionDays: 30 });
    const deck = await TestClient.connect(restarted.url);
    expect(outcome(await deck.request({ type: 'present', room: old.room, key: old.key }))).toBe('unknown-room');
    expect(outcome(await deck.request({ type: 'present', room: fresh.room, key: fresh.key }))).toBe('snapshot');
    deck.close();
    await restarted.close();

    const check = new Database(join(dataDir, DATABASE_FILE), { readonly: true });
    expect(check.prepare('SELECT count(*) AS n FROM votes WHERE room = ?').get(old.room)).toEqual({ n: 0 });
    check.close();
  });
});
