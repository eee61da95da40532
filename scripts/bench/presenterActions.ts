import type { PresenterAction } from '../../src/shared/protocol.ts';
import { PollClient } from '../../tests/helpers/pollClient.ts';
import { clockMs } from './clock.ts';

// Does a presenter action hold up the votes? With the room full, the presenter closes, opens, hides,
// reveals, resets and shows the poll, one action every ACTION_GAP_MS, while a few probe phones vote at a
// steady rate. Each probe measures how long its vote takes to be answered (an ack, or poll-closed while
// the poll is closed: an answer either way). An action's stall is the slowest answer to a probe sent from
// the action until the next one, beyond the median answer time before the first action. The probes run
// in this process, not in the load generator, whose own event loop is busy reading what the room's
// phones are sent.

export interface ActionTiming {
  action: string;
  /** From sending the action to its `ok`. */
  answerMs: number;
  /** The slowest probe answer in the action's window beyond the quiet median. */
  stallMs: number;
}

const PROBES = 40;
/** Each probe votes this often: 400 probe votes a second in all, within the rate limit of 20 a second. */
const PROBE_INTERVAL_MS = 100;
const BASELINE_MS = 1000;
const ACTION_GAP_MS = 1500;

interface Probe {
  sentAt: number;
  latency: number;
}

export async function runActions(options: {
  deck: PollClient;
  room: string;
  poll: string;
  probeUrl: string;
}): Promise<{ baselineMs: number; actions: ActionTiming[] }> {
  const { deck, room, poll } = options;
  const probes = await Promise.all(
    Array.from({ length: PROBES }, () => PollClient.participant(options.probeUrl, room)),
  );
  const answered: Probe[] = [];
  let probing = true;
  const loops = probes.map(async (probe, index) => {
    await sleep((index * PROBE_INTERVAL_MS) / PROBES);
    while (probing) {
      const sentAt = clockMs();
      await probe.request({ type: 'vote', poll, value: 0 });
      answered.push({ sentAt, latency: clockMs() - sentAt });
      await sleep(Math.max(0, PROBE_INTERVAL_MS - (clockMs() - sentAt)));
    }
  });

  const actions: (PresenterAction extends infer A ? (A extends unknown ? Omit<A, 'ref'> : never) : never)[] = [
    { type: 'close', poll },
    { type: 'open', poll },
    { type: 'reveal', poll, revealed: false },
    { type: 'reveal', poll, revealed: true },
    { type: 'reset', poll },
    { type: 'show', poll },
  ];
  await sleep(BASELINE_MS);
  const started = clockMs();
  const timings: { action: string; sentAt: number; answerMs: number }[] = [];
  for (const action of actions) {
    const sentAt = clockMs();
    const answer = await deck.request(action);
    if (answer.type !== 'ok') throw new Error(`${action.type}: ${JSON.stringify(answer)}`);
    const name = action.type === 'reveal' ? `reveal ${action.revealed}` : action.type;
    timings.push({ action: name, sentAt, answerMs: clockMs() - sentAt });
    await sleep(ACTION_GAP_MS);
  }
  const ended = clockMs();
  probing = false;
  await Promise.all(loops);
  for (const probe of probes) probe.terminate();

  const baseline = answered.filter((probe) => probe.sentAt < started).map((probe) => probe.latency);
  const baselineMs = median(baseline);
  return {
    baselineMs,
    actions: timings.map((timing, index) => {
      const until = timings[index + 1]?.sentAt ?? ended;
      // Answered after the action was sent: a probe sent just before it waits for it too.
      const inWindow = answered.filter(
        (probe) => probe.sentAt + probe.latency >= timing.sentAt && probe.sentAt < until,
      );
      const slowest = Math.max(0, ...inWindow.map((probe) => probe.latency));
      return { action: timing.action, answerMs: timing.answerMs, stallMs: Math.max(0, slowest - baselineMs) };
    }),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
