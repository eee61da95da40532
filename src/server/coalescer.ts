// Runs a task at most once per interval however often it is asked for: many votes in a burst become one
// recomputation and one broadcast. The first request after a quiet spell runs after `delayMs`, so a
// single vote still shows quickly; requests while the task runs make it run once more afterwards.
// The interval counts from the end of the previous run: a task that takes long leaves the server at least
// the interval for everything else before it runs again. A task that rests by itself while it runs (a
// broadcast to thousands of phones in slices) can count it from the start instead: it then runs again
// `delayMs` after it ended when it took longer than the interval, not a whole interval later.

export class Coalescer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private requestedWhileRunning = false;
  private lastRunEnded = Number.NEGATIVE_INFINITY;
  private lastRunStarted = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly task: () => void | Promise<void>,
    private readonly delayMs: number,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void = (error) => console.error(error),
    private readonly intervalFrom: 'end' | 'start' = 'end',
  ) {}

  request(): void {
    if (this.stopped || this.timer) return;
    if (this.running) {
      this.requestedWhileRunning = true;
      return;
    }
    const since = this.intervalFrom === 'end' ? this.lastRunEnded : this.lastRunStarted;
    const wait = Math.max(this.delayMs, since + this.intervalMs - Date.now());
    this.timer = setTimeout(() => void this.run(), wait);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.running = true;
    this.lastRunStarted = Date.now();
    try {
      await this.task();
    } catch (error) {
      this.onError(error);
    } finally {
      this.lastRunEnded = Date.now();
      this.running = false;
      if (this.requestedWhileRunning) {
        this.requestedWhileRunning = false;
        this.request();
      }
    }
  }
}
