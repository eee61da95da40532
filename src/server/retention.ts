import type { Store } from './store/Store.ts';

// Rooms and their votes are deleted RETENTION_DAYS after the room was made: at start and every hour.

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** Deletes the rooms older than `days`; returns their codes. */
export async function deleteExpiredRooms(store: Store, days: number, now = Date.now()): Promise<string[]> {
  return store.deleteRoomsCreatedBefore(now - days * DAY_MS);
}

/** Runs the retention now and every hour until the returned function is called. */
export async function startRetention(
  store: Store,
  days: number,
  onDeleted: (codes: string[]) => void,
): Promise<() => void> {
  const run = async () => {
    const codes = await deleteExpiredRooms(store, days);
    if (codes.length > 0) onDeleted(codes);
  };
  await run();
  const timer = setInterval(() => {
    run().catch((error: unknown) => console.error('retention:', error));
  }, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
