// Runs a task at most once per interval however often it is asked for: many votes in a burst become one
// recomputation and one broadcast. The first request after a quiet spell runs after `delayMs`, so a
// single vote still shows quickly; requests while the task runs make it run once more afterwards.
// The interval counts from the end of the previous run: a task that takes long (a broadcast to
// thousands of phones) leaves the server at least the interval for everything else before it runs again.

export class Coalescer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private requestedWhileRunning = false;
  private lastRunEnded = Number.NEGATIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly task: () => void | Promise<void>,
    private readonly delayMs: number,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void = (error) => console.error(error),
  ) {}

  request(): void {
    if (this.stopped || this.timer) return;
    if (this.running) {
      this.requestedWhileRunning = true;
      return;
    }
    const wait = Math.max(this.delayMs, this.lastRunEnded + this.intervalMs - Date.now());
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
