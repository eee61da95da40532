import type { ClientConnection } from './clientConnection.ts';

// Sending one message to the thousands of phones of a big room without holding up everything else.
// One write per socket costs tens of microseconds (on loopback the sender also pays for the reading
// side), so 5,000 phones in one go would stall votes and the presenter's updates for a tenth of a
// second. So the phones get it a slice at a time, with a rest after each slice that keeps the sending
// to a share of the server's time: one budget for all rooms together (SlicePacer).
//
// A room's channel keeps its messages in order: a phone gets a state change before the results that
// follow from it. Each message goes to the phones that were in the room when it was queued (a phone
// that joined later has a snapshot that is newer) and are still there when their slice comes.

/** Phones sent to in one go: a few milliseconds of socket writes at most. */
export const PHONES_PER_SLICE = 100;

export interface SliceOptions {
  /** The share of the server's time the sending may take while it lasts (0.1: rest 9× each slice). */
  share: number;
  /** Results and presence replace the previous ones: a phone that does not keep up may miss one. */
  droppable: boolean;
}

/**
 * The phones of every room take turns, one slice at a time, and after each slice the next waits for the
 * rest that slice earned: a hundred rooms sending at once share one budget of the server's time, as
 * one big room does, instead of each taking its share.
 */
export class SlicePacer {
  private readonly waiting: (() => void)[] = [];
  private busy = false;
  /** Rest earned but not yet taken: a timer waits a millisecond at least, a small slice earns less. */
  private owedMs = 0;

  /** Resolves when it is this slice's turn; call the function it gives once the slice is sent. */
  turn(): Promise<(sliceMs: number, share: number) => void> {
    return new Promise((resolve) => {
      this.waiting.push(() => resolve((sliceMs, share) => this.rest((sliceMs * (1 - share)) / share)));
      if (!this.busy) this.next();
    });
  }

  private next(): void {
    const grant = this.waiting.shift();
    this.busy = grant !== undefined;
    grant?.();
  }

  private rest(ms: number): void {
    this.owedMs += ms;
    if (this.owedMs < 1) return void setImmediate(() => this.next());
    const wait = this.owedMs;
    this.owedMs = 0;
    setTimeout(() => this.next(), wait);
  }
}

/** One per process: the server has one thread, whichever rooms it sends for. */
const PACER = new SlicePacer();

/**
 * Sends what `current()` gives (null: stop, the rest get nothing) to `phones`, a slice at a time; each
 * slice asks again, so it sends what is current by then. `stillThere` skips a phone that left.
 */
export async function sendInSlices(
  phones: readonly ClientConnection[],
  current: () => string | Buffer | null,
  stillThere: (phone: ClientConnection) => boolean,
  options: SliceOptions,
  pacer: SlicePacer = PACER,
): Promise<void> {
  for (let start = 0; start < phones.length; start += PHONES_PER_SLICE) {
    const done = await pacer.turn();
    const sliceStarted = performance.now();
    let message: string | Buffer | null;
    try {
      message = current();
      if (message !== null) {
        for (const phone of phones.slice(start, start + PHONES_PER_SLICE)) {
          if (stillThere(phone)) phone.sendText(message, options.droppable);
        }
      }
    } finally {
      done(performance.now() - sliceStarted, options.share);
    }
    if (message === null) return;
  }
}

/** A room's messages to its phones, one after another, each in slices. */
export class PhoneChannel {
  private tail: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly phones: ReadonlySet<ClientConnection>) {}

  /**
   * Queues a message for every phone in the room now; resolves when the last slice is out. `current`
   * is asked before each slice (null: stop); a fixed message is serialised once, here.
   */
  send(current: string | Buffer | (() => string | Buffer | null), options: SliceOptions): Promise<void> {
    const phones = [...this.phones];
    const fixed = typeof current === 'function' ? null : Buffer.from(current);
    const next = () => (this.stopped ? null : (fixed ?? (current as () => string | Buffer | null)()));
    const sent = this.tail.then(() => sendInSlices(phones, next, (phone) => this.phones.has(phone), options));
    // One failed send must not stop the ones after it; the caller still sees its own failure.
    this.tail = sent.catch(() => {});
    return sent;
  }

  /** The room is let go: whatever is still queued goes nowhere. */
  stop(): void {
    this.stopped = true;
  }
}
