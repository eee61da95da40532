import { monitorEventLoopDelay } from 'node:perf_hooks';
import { PollClient } from '../../tests/helpers/pollClient.ts';
import { clockMs } from './clock.ts';
import { startPresenter } from './presenter.ts';

// The simulated room: one presenter (in a process of its own) and N participants over real
// WebSockets. It records when things happen and leaves the arithmetic to stats.ts.

export interface LoadOptions {
  url: string;
  participants: number;
  /** The single-choice poll everybody votes on, and how many options it has. */
  poll: string;
  optionCount: number;
  /** Participants connecting (and joining) at the same time; each starts the next when it has joined. */
  connectConcurrency: number;
  /** Votes are sent evenly spread over this window (0: all at once). */
  voteWindowMs: number;
  /** The server's processor time so far, in seconds, to tell what each phase costs it. */
  serverCpuSeconds: () => number;
}

export interface SentVote {
  participant: string;
  value: number;
  sentAt: number;
  /** When the answer arrived; null when none came. */
  answeredAt: number | null;
  /** `ack`, an error code, or `no-answer`. */
  outcome: string;
}

/** A `results` message of the bench poll as the presenter received it. */
export interface ScreenUpdate {
  at: number;
  voters: number;
  counts: number[];
}

export interface LoadRun {
  room: string;
  /** First participant connecting until the last one has its snapshot. */
  joinMs: number;
  votes: SentVote[];
  screen: ScreenUpdate[];
  /** Server processor time spent on the joins and on the votes (until the presenter saw them all). */
  serverCpuS: { join: number; vote: number };
  /** How late this process's event loop ran while votes were sent: it delays sends and acks seen. */
  loopDelayMs: { p99: number; max: number };
  /** This process's own processor time while votes were sent, in seconds: it shares the machine. */
  ownVoteCpuS: number;
  /** Closes every connection; call once the server's memory has been read. */
  disconnect(): void;
}

/** How long to wait for the last answers and for the presenter's screen to catch up. */
const SETTLE_TIMEOUT_MS = 30_000;
const LOOP_SAMPLE_MS = 5;

/**
 * Phones per source address. A real audience comes from one venue's NAT and from many mobile
 * networks at once, and the server budgets new participants per address (600 at once by default):
 * phone k connects from 127.0.0.(2 + k / 250), Linux routes all of 127.0.0.0/8 to the loopback device.
 */
const PHONES_PER_ADDRESS = 250;
const sourceAddress = (index: number): string => `127.0.0.${2 + Math.floor(index / PHONES_PER_ADDRESS)}`;

/** The participant id in an identity `<id>.<tag>` the server issued: what the votes are stored under. */
const participantOf = (identity: string): string => identity.split('.')[0] ?? '';

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const presenter = await startPresenter(options.url, options.poll);
  const clients: PollClient[] = [];
  const disconnect = () => {
    presenter.stop();
    for (const client of clients) client.terminate();
  };
  try {
    const participants = new Array<string>(options.participants).fill('');
    const joinStart = clockMs();
    const cpuAtStart = options.serverCpuSeconds();
    const phones = await joinAll(options, presenter.room, participants, clients);
    const joinMs = clockMs() - joinStart;
    const cpuAfterJoins = options.serverCpuSeconds();

    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    loopDelay.enable();
    const cpuBeforeVotes = process.cpuUsage();
    const votes = await voteAll(options, phones, participants);
    const ownCpu = process.cpuUsage(cpuBeforeVotes);
    loopDelay.disable();
    const acked = votes.filter((vote) => vote.outcome === 'ack').length;
    const { screen } = presenter;
    await until(() => (screen.at(-1)?.voters ?? 0) >= acked, SETTLE_TIMEOUT_MS);
    const serverCpuS = { join: cpuAfterJoins - cpuAtStart, vote: options.serverCpuSeconds() - cpuAfterJoins };
    return {
      room: presenter.room,
      joinMs,
      votes,
      screen,
      serverCpuS,
      ownVoteCpuS: (ownCpu.user + ownCpu.system) / 1e6,
      // The histogram holds whole sampling intervals; the delay is what goes beyond one.
      loopDelayMs: {
        p99: loopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS,
        max: loopDelay.max / 1e6 - LOOP_SAMPLE_MS,
      },
      disconnect,
    };
  } catch (error) {
    disconnect();
    throw error;
  }
}

/**
 * Connects and joins every participant, `connectConcurrency` at a time, and fills in `participants`
 * with the ids the server issued; fails on the first refusal.
 */
async function joinAll(
  options: LoadOptions,
  room: string,
  participants: string[],
  clients: PollClient[],
): Promise<PollClient[]> {
  const phones = new Array<PollClient>(participants.length);
  let next = 0;
  const joinNext = async (): Promise<void> => {
    while (next < participants.length) {
      const index = next++;
      const phone = await PollClient.connect(options.url, {
        lean: true,
        perMessageDeflate: false,
        localAddress: sourceAddress(index),
      });
      clients.push(phone);
      const answer = await phone.request({ type: 'join', room });
      if (answer.type !== 'snapshot' || answer.identity === undefined)
        throw new Error(`participant ${index} join: ${JSON.stringify(answer)}`);
      participants[index] = participantOf(answer.identity);
      phones[index] = phone;
    }
  };
  const lanes = Math.min(options.connectConcurrency, participants.length);
  await Promise.all(Array.from({ length: lanes }, joinNext));
  return phones;
}

/** Participant k votes option k mod optionCount, the votes spread evenly over the window. */
async function voteAll(options: LoadOptions, phones: PollClient[], participants: string[]): Promise<SentVote[]> {
  const votes: SentVote[] = [];
  const answers: Promise<void>[] = [];
  const send = (index: number) => {
    const vote: SentVote = {
      participant: participants[index] ?? '',
      value: index % options.optionCount,
      sentAt: clockMs(),
      answeredAt: null,
      outcome: 'no-answer',
    };
    votes.push(vote);
    const answer = phones[index]?.request({ type: 'vote', poll: options.poll, value: vote.value });
    if (!answer) return;
    answers.push(
      answer.then(
        (message) => {
          vote.answeredAt = clockMs();
          vote.outcome = message.type === 'error' ? message.code : message.type;
        },
        () => {}, // the connection closed: stays `no-answer`
      ),
    );
  };

  const start = clockMs();
  const total = phones.length;
  await new Promise<void>((resolve) => {
    let sent = 0;
    // One timer sends every vote that is due: thousands of separate timers would drift more.
    const tick = () => {
      const elapsed = clockMs() - start;
      const due =
        options.voteWindowMs <= 0 ? total : Math.min(total, Math.floor((elapsed / options.voteWindowMs) * total) + 1);
      while (sent < due) send(sent++);
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.race([Promise.all(answers), sleep(SETTLE_TIMEOUT_MS, { keepAlive: false })]);
  return votes;
}

/** `keepAlive: false`: a timeout that loses a race must not hold the process open. */
const sleep = (ms: number, { keepAlive = true } = {}) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (!keepAlive) timer.unref();
  });

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = clockMs() + timeoutMs;
  while (!condition() && clockMs() < deadline) await sleep(10);
}
