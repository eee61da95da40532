import type { ClientConnection } from './clientConnection.ts';

// Sending one message to the thousands of phones of a big room without holding up everything else.
// One write per socket costs tens of microseconds (on loopback the sender also pays for the reading
// side), so 5,000 phones in one go would stall votes and the presenter's updates for a tenth of a
// second. So the phones get it a slice at a time, with a rest after each slice that keeps the sending
// to a share of the server's time.
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

const rest = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends what `current()` gives (null: stop, the rest get nothing) to `phones`, a slice at a time; each
 * slice asks again, so it sends what is current by then. `stillThere` skips a phone that left.
 */
export async function sendInSlices(
  phones: readonly ClientConnection[],
  current: () => string | Buffer | null,
  stillThere: (phone: ClientConnection) => boolean,
  options: SliceOptions,
): Promise<void> {
  for (let start = 0; start < phones.length; start += PHONES_PER_SLICE) {
    const message = current();
    if (message === null) return;
    const sliceStarted = performance.now();
    for (const phone of phones.slice(start, start + PHONES_PER_SLICE)) {
      if (stillThere(phone)) phone.sendText(message, options.droppable);
    }
    const sliceMs = performance.now() - sliceStarted;
    if (start + PHONES_PER_SLICE < phones.length) await rest((sliceMs * (1 - options.share)) / options.share);
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
