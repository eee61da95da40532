export interface BackoffOptions {
  /** The first wait, in milliseconds. */
  baseMs: number;
  /** The longest wait, in milliseconds. */
  maxMs: number;
}

export const RECONNECT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 15_000 };

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first): doubling up to a ceiling, then
 * a random half taken off, so a room full of phones does not knock on a restarted server all at once.
 */
export function reconnectDelay(
  attempt: number,
  random: () => number = Math.random,
  options: BackoffOptions = RECONNECT_BACKOFF,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
