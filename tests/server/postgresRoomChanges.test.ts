import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { RoomChange } from '../../src/server/roomChanges.ts';
import { PostgresRoomChanges } from '../../src/server/store/postgresRoomChanges.ts';
import { describeWithPostgres, freshDatabase } from '../helpers/postgres.ts';

// The instances' change feed over LISTEN/NOTIFY: what one publishes the others hear, never itself; a
// lost LISTEN connection comes back by itself, followed by a resync.

interface Instance {
  feed: PostgresRoomChanges;
  heard: RoomChange[];
  /** Who each change came from. */
  senders: string[];
  resyncs: number;
}

describeWithPostgres('room changes between instances', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((thing) => thing.close()));
  });

  async function instance(url: string, pool: pg.Pool): Promise<Instance> {
    const me: Instance = { feed: null as unknown as PostgresRoomChanges, heard: [], senders: [], resyncs: 0 };
    me.feed = new PostgresRoomChanges(url, pool, {
      changed: ({ from, ...change }) => {
        me.heard.push(change);
        me.senders.push(from ?? '');
      },
      resync: () => me.resyncs++,
    });
    opened.push(me.feed);
    await me.feed.start();
    return me;
  }

  async function setUp() {
    const url = await freshDatabase();
    const pool = new pg.Pool({ connectionString: url });
    opened.push({ close: () => pool.end() });
    return { url, pool, a: await instance(url, pool), b: await instance(url, pool) };
  }

  it('tells the other instances what changed in which room, and not the one that changed it', async () => {
    const { a, b } = await setUp();
    await a.feed.notify({ room: 'K7Q4PM', kind: 'votes', poll: 'start-rol' });
    await a.feed.notify({ room: 'K7Q4PM', kind: 'timer' });
    await expect
      .poll(() => b.heard)
      .toEqual([
        { room: 'K7Q4PM', kind: 'votes', poll: 'start-rol' },
        { room: 'K7Q4PM', kind: 'timer' },
      ]);
    expect(a.heard).toEqual([]);
  });

  it('carries an instance’s participant count with who sent it, and refuses a count that is none', async () => {
    const { pool, a, b } = await setUp();
    await pool.query(`SELECT pg_notify('room_changes', '{"o":"x","r":"R","k":"presence","n":-3}')`);
    await pool.query(`SELECT pg_notify('room_changes', '{"o":"x","r":"R","k":"presence"}')`);
    await pool.query(`SELECT pg_notify('room_changes', '{"o":"x","r":"R","k":"timer","n":3}')`);
    await a.feed.notify({ room: 'R', kind: 'presence', participants: 12 });
    await expect.poll(() => b.heard).toEqual([{ room: 'R', kind: 'presence', participants: 12 }]);
    expect(new Set(b.senders)).toHaveLength(1);
    expect(b.senders[0]).not.toBe('x');
  });

  it('tells a burst of votes of one poll as one notification', async () => {
    const { a, b } = await setUp();
    for (let vote = 0; vote < 50; vote++) a.feed.publish({ room: 'R', kind: 'votes', poll: 'p' });
    a.feed.publish({ room: 'R', kind: 'votes', poll: 'q' });
    await expect.poll(() => b.heard).toHaveLength(2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Two notifications, sent side by side: in either order.
    expect(b.heard.map((change) => change.poll).sort()).toEqual(['p', 'q']);
    expect(b.heard.every((change) => change.room === 'R' && change.kind === 'votes')).toBe(true);
  });

  it('ignores a notification on its channel that it did not write', async () => {
    const { pool, a, b } = await setUp();
    await pool.query("SELECT pg_notify('room_changes', 'geen json')");
    await pool.query(`SELECT pg_notify('room_changes', '{"o":"x","r":"R","k":"drop-table"}')`);
    await a.feed.notify({ room: 'R', kind: 'state', poll: 'p' });
    await expect.poll(() => b.heard).toEqual([{ room: 'R', kind: 'state', poll: 'p' }]);
  });

  it('refuses a notification over the payload limit', async () => {
    const { a } = await setUp();
    await expect(a.feed.notify({ room: 'R', kind: 'state', poll: 'x'.repeat(8000) })).rejects.toThrow(/too large/);
  });

  it('listens again after its connection is cut, resyncs, and hears what comes after', async () => {
    const { pool, a, b } = await setUp();
    expect(b.resyncs).toBe(1);
    await pool.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN room_changes' AND datname = current_database()",
    );
    await expect.poll(() => [a.resyncs, b.resyncs], { timeout: 10_000 }).toEqual([2, 2]);
    await a.feed.notify({ room: 'R', kind: 'moderation', poll: 'open-vraag' });
    await expect.poll(() => b.heard).toEqual([{ room: 'R', kind: 'moderation', poll: 'open-vraag' }]);
  });
});
