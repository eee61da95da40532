// Runs a task at most once per interval however often it is asked for: many votes in a burst become one
// recomputation and one broadcast. The first request after a quiet spell runs after `delayMs`, so a
// single vote still shows quickly; requests while the task runs make it run once more afterwards.

export class Coalescer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private requestedWhileRunning = false;
  private lastRun = Number.NEGATIVE_INFINITY;
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
    const wait = Math.max(this.delayMs, this.lastRun + this.intervalMs - Date.now());
    this.timer = setTimeout(() => void this.run(), wait);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.lastRun = Date.now();
    this.running = true;
    try {
      await this.task();
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = false;
      if (this.requestedWhileRunning) {
        this.requestedWhileRunning = false;
        this.request();
      }
    }
  }
}
