import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ServerMessage } from '../../src/shared/protocol.ts';
import { PollClient } from '../../tests/helpers/pollClient.ts';
import { clockMs } from './clock.ts';
import { Placement, sourceAddress } from './placement.ts';
import { startPresenters } from './presenter.ts';
import type { ActionTiming } from './presenterActions.ts';

// The simulated rooms: a presenter per room (all in a process of their own) and N participants over
// real WebSockets, spread over the rooms and the instances. It records when things happen and leaves
// the arithmetic to stats.ts.

export interface LoadOptions {
  /** The server's instances; one room's phones are spread over them (see placement.ts). */
  urls: string[];
  rooms: number;
  participants: number;
  /** The single-choice poll everybody votes on, and how many options it has. */
  poll: string;
  optionCount: number;
  /** Participants connecting (and joining) at the same time; each starts the next when it has joined. */
  connectConcurrency: number;
  /** Votes are sent evenly spread over this window (0: all at once). */
  voteWindowMs: number;
  /** The server's processor time so far (all instances), in seconds, to tell what each phase costs it. */
  serverCpuSeconds: () => number;
}

export interface SentVote {
  /** The room's index. */
  room: number;
  participant: string;
  value: number;
  sentAt: number;
  /** When the answer arrived; null when none came. */
  answeredAt: number | null;
  /** `ack`, an error code, or `no-answer`. */
  outcome: string;
}

/** A `results` message of the bench poll as a presenter received it. */
export interface ScreenUpdate {
  at: number;
  voters: number;
  counts: number[];
}

export interface LoadRun {
  rooms: string[];
  /** First participant connecting until the last one has its snapshot. */
  joinMs: number;
  votes: SentVote[];
  /** Per room, its presenter's results messages until every acknowledged vote was on screen. */
  screens: ScreenUpdate[][];
  /** Time between two results messages a phone received while the room voted, ms. */
  phoneUpdateGaps: number[];
  /** Server processor time spent on the joins and on the votes (until the presenters saw them all). */
  serverCpuS: { join: number; vote: number };
  /** How late this process's event loop ran while votes were sent: it delays sends and acks seen. */
  loopDelayMs: { p99: number; max: number };
  /** This process's own processor time while votes were sent, in seconds: it shares the machine. */
  ownVoteCpuS: number;
  /** The presenter actions in the first room, with the room full (see presenterActions.ts). */
  actions: { baselineMs: number; actions: ActionTiming[] };
  /** Closes every connection; call once the server's memory has been read. */
  disconnect(): void;
}

/** How long to wait for the last answers and for the presenters' screens to catch up. */
const SETTLE_TIMEOUT_MS = 30_000;
const LOOP_SAMPLE_MS = 5;

/** The participant id in an identity `<id>.<tag>` the server issued: what the votes are stored under. */
const participantOf = (identity: string): string => identity.split('.')[0] ?? '';

/** A joined phone: its connection, its room and the participant id the server issued. */
interface Phone {
  client: PollClient;
  room: number;
  participant: string;
}

export async function runLoad(options: LoadOptions): Promise<LoadRun> {
  const placement = new Placement(options.rooms, options.urls.length);
  const presenters = await startPresenters({
    urls: options.urls,
    poll: options.poll,
    presenterInstances: Array.from({ length: options.rooms }, (_, room) => placement.presenterInstance(room)),
    probeInstance: placement.probeInstance(),
  });
  const clients: PollClient[] = [];
  const disconnect = () => {
    presenters.stop();
    for (const client of clients) client.terminate();
  };
  try {
    const updates = new PhoneUpdates(options.participants, options.poll);
    const joinStart = clockMs();
    const cpuAtStart = options.serverCpuSeconds();
    const phones = await joinAll(options, placement, presenters.rooms, clients, updates);
    const joinMs = clockMs() - joinStart;
    const cpuAfterJoins = options.serverCpuSeconds();

    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });
    loopDelay.enable();
    const cpuBeforeVotes = process.cpuUsage();
    updates.recording = true;
    const votes = await voteAll(options, phones);
    const ownCpu = process.cpuUsage(cpuBeforeVotes);
    loopDelay.disable();
    const { screens } = presenters;
    const ackedPerRoom = presenters.rooms.map(
      (_, room) => votes.filter((vote) => vote.room === room && vote.outcome === 'ack').length,
    );
    await until(
      () => screens.every((screen, room) => (screen.at(-1)?.voters ?? 0) >= (ackedPerRoom[room] ?? 0)),
      SETTLE_TIMEOUT_MS,
    );
    updates.recording = false;
    const serverCpuS = { join: cpuAfterJoins - cpuAtStart, vote: options.serverCpuSeconds() - cpuAfterJoins };
    // What the screens showed once the votes were in; the actions below (a reset) change it again.
    const settledScreens = screens.map((screen) => screen.slice());
    const actions = await presenters.actions();
    return {
      rooms: presenters.rooms,
      joinMs,
      votes,
      screens: settledScreens,
      phoneUpdateGaps: updates.gaps,
      serverCpuS,
      ownVoteCpuS: (ownCpu.user + ownCpu.system) / 1e6,
      // The histogram holds whole sampling intervals; the delay is what goes beyond one.
      loopDelayMs: {
        p99: loopDelay.percentile(99) / 1e6 - LOOP_SAMPLE_MS,
        max: loopDelay.max / 1e6 - LOOP_SAMPLE_MS,
      },
      actions,
      disconnect,
    };
  } catch (error) {
    disconnect();
    throw error;
  }
}

/** When each phone last received results of the bench poll, and the gaps between them while recording. */
class PhoneUpdates {
  recording = false;
  readonly gaps: number[] = [];
  private readonly last: Float64Array;

  constructor(
    phones: number,
    private readonly poll: string,
  ) {
    this.last = new Float64Array(phones).fill(Number.NaN);
  }

  received(phone: number, message: ServerMessage): void {
    if (message.type !== 'results' || message.results.poll !== this.poll) return;
    const at = clockMs();
    const previous = this.last[phone] ?? Number.NaN;
    if (this.recording && !Number.isNaN(previous)) this.gaps.push(at - previous);
    this.last[phone] = this.recording ? at : Number.NaN;
  }
}

/**
 * Connects and joins every participant, `connectConcurrency` at a time, each to its room on its
 * instance; fails on the first refusal.
 */
async function joinAll(
  options: LoadOptions,
  placement: Placement,
  rooms: string[],
  clients: PollClient[],
  updates: PhoneUpdates,
): Promise<Phone[]> {
  const phones = new Array<Phone>(options.participants);
  let next = 0;
  const joinNext = async (): Promise<void> => {
    while (next < options.participants) {
      const index = next++;
      const room = placement.roomOf(index);
      const client = await PollClient.connect(options.urls[placement.phoneInstance(index)] ?? '', {
        lean: true,
        perMessageDeflate: false,
        localAddress: sourceAddress(index),
      });
      clients.push(client);
      client.onBroadcast = (message) => updates.received(index, message);
      const answer = await client.request({ type: 'join', room: rooms[room] ?? '' });
      if (answer.type !== 'snapshot' || answer.identity === undefined)
        throw new Error(`participant ${index} join: ${JSON.stringify(answer)}`);
      phones[index] = { client, room, participant: participantOf(answer.identity) };
    }
  };
  const lanes = Math.min(options.connectConcurrency, options.participants);
  await Promise.all(Array.from({ length: lanes }, joinNext));
  return phones;
}

/** Participant k votes option k mod optionCount, the votes spread evenly over the window. */
async function voteAll(options: LoadOptions, phones: Phone[]): Promise<SentVote[]> {
  const votes: SentVote[] = [];
  const answers: Promise<void>[] = [];
  const send = (index: number) => {
    const phone = phones[index];
    if (!phone) return;
    const vote: SentVote = {
      room: phone.room,
      participant: phone.participant,
      value: index % options.optionCount,
      sentAt: clockMs(),
      answeredAt: null,
      outcome: 'no-answer',
    };
    votes.push(vote);
    const answer = phone.client.request({ type: 'vote', poll: options.poll, value: vote.value });
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
