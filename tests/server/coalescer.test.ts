import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../src/server/coalescer.ts';

// Many requests become one run; the interval between runs counts from the end of the last one, or (for a
// task that rests by itself) from its start.

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A task that takes `ms` and notes when each run starts. */
function slowTask(ms: number) {
  const starts: number[] = [];
  const task = async () => {
    starts.push(Date.now());
    await new Promise((resolve) => setTimeout(resolve, ms));
  };
  return { starts, task };
}

describe('Coalescer', () => {
  it('runs once for a burst of requests, after the delay', async () => {
    const { starts, task } = slowTask(0);
    const coalescer = new Coalescer(task, 50, 300);
    const begin = Date.now();
    for (let request = 0; request < 100; request++) coalescer.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(starts.map((at) => at - begin)).toEqual([50]);
  });

  it('waits the interval after a long run before the next', async () => {
    const { starts, task } = slowTask(500);
    const coalescer = new Coalescer(task, 50, 300);
    const begin = Date.now();
    coalescer.request();
    await vi.advanceTimersByTimeAsync(100);
    coalescer.request();
    await vi.advanceTimersByTimeAsync(2000);
    expect(starts.map((at) => at - begin)).toEqual([50, 50 + 500 + 300]);
  });

  it('counted from the start, runs again soon after a run that took longer than the interval', async () => {
    const { starts, task } = slowTask(500);
    const coalescer = new Coalescer(task, 50, 300, undefined, 'start');
    const begin = Date.now();
    coalescer.request();
    await vi.advanceTimersByTimeAsync(100);
    coalescer.request();
    await vi.advanceTimersByTimeAsync(2000);
    expect(starts.map((at) => at - begin)).toEqual([50, 50 + 500 + 50]);
    // A short run keeps the interval from its start.
    const short = slowTask(10);
    const quick = new Coalescer(short.task, 50, 300, undefined, 'start');
    const from = Date.now();
    quick.request();
    await vi.advanceTimersByTimeAsync(100);
    quick.request();
    await vi.advanceTimersByTimeAsync(1000);
    expect(short.starts.map((at) => at - from)).toEqual([50, 350]);
  });
});
