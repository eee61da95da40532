// Reconnecting after the server went away: wait longer after each failed attempt, and spread the
// waits randomly so a room full of browsers does not knock on the restarted server all at once.

export const BACKOFF = { firstMs: 500, maxMs: 15_000 } as const;

/**
 * The wait before reconnect attempt `attempt` (0 for the first): exponential growth up to a cap,
 * then a random point in the upper half of that ("equal jitter"), so it never drops to zero.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
