import { parseArgs } from 'node:util';
import { readDeckFile } from '../../src/server/deckFile.ts';
import { PollCatalog } from '../../src/server/pollCatalog.ts';
import { checkFileDescriptorLimit } from './fileDescriptors.ts';
import { runLoad } from './loadGenerator.ts';
import type { LoadRun } from './loadGenerator.ts';
import { countLostVotes, postgresVotes, sqliteVotes, type LostVotes } from './lostVotes.ts';
import { postgresBinDir, startTestCluster, type TestCluster } from '../../tests/helpers/postgresCluster.ts';
import { DIST_DIR, ensureBuilt, startServerProcess, type ServerProcess } from './serverProcess.ts';
import { ackLatencies, percentile, voteToScreenLatencies, votesPerSecond } from './stats.ts';

// npm run bench -- [--participants N] [--rooms R] [--instances K] [--store sqlite|postgres]
//                  [--vote-window-ms MS] [--connect-concurrency C] [--poll ID] [--cpu-prof DIR]
// Starts the server (K instances; on PostgreSQL in a throw-away cluster), lets N participants join R
// rooms and vote once each, has the first room's presenter act while it is full, and prints what it
// measured; the last line of stdout is one JSON object (see docs/benchmarks.md for the method). Linux
// only: it reads /proc for the server's memory and the file-descriptor limit.

const USAGE =
  'npm run bench -- [--participants N] [--rooms R] [--instances K] [--store sqlite|postgres] ' +
  '[--vote-window-ms MS] [--connect-concurrency C] [--poll ID] [--cpu-prof DIR]';

/** The probe phones of presenterActions.ts and the presenters: sockets besides the participants. */
const EXTRA_SOCKETS = 100;

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} ${text}: expected a whole number >= ${min}`);
  return value;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      participants: { type: 'string', default: '1000' },
      rooms: { type: 'string', default: '1' },
      instances: { type: 'string', default: '1' },
      store: { type: 'string', default: 'sqlite' },
      'vote-window-ms': { type: 'string', default: '2000' },
      'connect-concurrency': { type: 'string' },
      poll: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const participants = wholeNumber('participants', values.participants, 1);
  const rooms = wholeNumber('rooms', values.rooms, 1);
  const instances = wholeNumber('instances', values.instances, 1);
  const store = values.store;
  if (store !== 'sqlite' && store !== 'postgres') throw new Error(`--store ${store}: expected sqlite or postgres`);
  if (instances > 1 && store !== 'postgres')
    throw new Error('--instances above 1 share one database: --store postgres');
  if (rooms > participants) throw new Error(`--rooms ${rooms}: at most one room per participant`);
  return {
    participants,
    rooms,
    instances,
    store,
    voteWindowMs: wholeNumber('vote-window-ms', values['vote-window-ms'], 0),
    // By default everybody at once, as when a whole room scans the QR code.
    connectConcurrency: values['connect-concurrency']
      ? wholeNumber('connect-concurrency', values['connect-concurrency'], 1)
      : participants,
    pollId: values.poll ?? null,
    cpuProfileDir: values['cpu-prof'] ?? null,
  };
}

/** The poll to vote on: the one asked for, else the deck's first single-choice poll. */
function benchPoll(pollId: string | null): { id: string; optionCount: number } {
  const catalog = new PollCatalog(readDeckFile(DIST_DIR));
  const poll = pollId === null ? catalog.all().find((candidate) => candidate.type === 'single') : catalog.find(pollId);
  if (!poll || poll.type !== 'single') {
    throw new Error(pollId === null ? 'the deck has no single-choice poll' : `${pollId} is not a single-choice poll`);
  }
  return { id: poll.id, optionCount: poll.options.length };
}

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));
const ms = (value: number) => round(value, 1);

type Options = ReturnType<typeof readOptions>;

interface Measured {
  servers: ServerProcess[];
  run: LoadRun;
  /** Per instance, read while every participant was connected. */
  memory: { rssMb: number; peakMb: number }[];
}

/** Starts the instances, runs the load against them and stops them; on failure their data goes too. */
async function measure(options: Options, poll: { id: string; optionCount: number }, databaseUrl: string | null) {
  const servers: ServerProcess[] = [];
  const stopAll = (signal: 'SIGKILL' | 'SIGTERM') => Promise.all(servers.map((server) => server.stop(signal)));
  try {
    // One after another: the first applies the migrations.
    for (let instance = 0; instance < options.instances; instance++) {
      servers.push(await startServerProcess({ cpuProfileDir: options.cpuProfileDir, databaseUrl }));
    }
    const run = await runLoad({
      urls: servers.map((server) => server.url),
      rooms: options.rooms,
      participants: options.participants,
      poll: poll.id,
      optionCount: poll.optionCount,
      connectConcurrency: options.connectConcurrency,
      voteWindowMs: options.voteWindowMs,
      serverCpuSeconds: () => servers.reduce((sum, server) => sum + server.cpuSeconds(), 0),
    });
    // Read while every participant is still connected: the memory a full room costs.
    const memory = servers.map((server) => ({ rssMb: server.memoryMb('now'), peakMb: server.memoryMb('peak') }));
    run.disconnect();
    // A CPU profile is written only when the process exits by itself (main.ts stops on SIGTERM).
    await stopAll(options.cpuProfileDir ? 'SIGTERM' : 'SIGKILL');
    return { servers, run, memory } satisfies Measured;
  } catch (error) {
    await stopAll('SIGKILL');
    for (const server of servers) server.removeData();
    throw error;
  }
}

/** Per room, its acknowledged votes against the database (read after the kill) and its presenter's screen. */
async function lostVotes(measured: Measured, poll: string, databaseUrl: string | null): Promise<LostVotes> {
  const { run, servers } = measured;
  const lost: LostVotes = { notInDatabase: 0, notOnScreen: 0 };
  for (const [index, room] of run.rooms.entries()) {
    const databaseFile = servers[0]?.databaseFile;
    const stored = databaseUrl
      ? await postgresVotes(databaseUrl, room, poll)
      : sqliteVotes(databaseFile ?? '', room, poll);
    const votes = run.votes.filter((vote) => vote.room === index);
    const roomLost = countLostVotes(stored, votes, run.screens[index] ?? []);
    lost.notInDatabase += roomLost.notInDatabase;
    lost.notOnScreen += roomLost.notOnScreen;
  }
  return lost;
}

/** Vote to screen per room (each room's screen counts its own votes), all rooms' latencies together. */
function screenLatencies(run: LoadRun): { latencies: number[]; unseen: number } {
  const latencies: number[] = [];
  let unseen = 0;
  for (const [index, screen] of run.screens.entries()) {
    const summary = voteToScreenLatencies(
      run.votes.filter((vote) => vote.room === index),
      screen,
    );
    latencies.push(...summary.latencies);
    unseen += summary.unseen;
  }
  return { latencies: latencies.sort((a, b) => a - b), unseen };
}

async function startDatabase(options: Options): Promise<TestCluster | null> {
  if (options.store !== 'postgres') return null;
  const bin = postgresBinDir();
  if (!bin) throw new Error("--store postgres needs PostgreSQL's server binaries (apt-get install postgresql)");
  return startTestCluster(bin);
}

async function main(): Promise<void> {
  let options: Options;
  try {
    options = readOptions();
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}`, { cause: error });
  }
  checkFileDescriptorLimit(options.participants + options.rooms + EXTRA_SOCKETS);
  ensureBuilt();
  const poll = benchPoll(options.pollId);
  const cluster = await startDatabase(options);
  let measured: Measured;
  let lost: LostVotes;
  try {
    measured = await measure(options, poll, cluster?.url ?? null);
    try {
      lost = await lostVotes(measured, poll.id, cluster?.url ?? null);
    } finally {
      for (const server of measured.servers) server.removeData();
    }
  } finally {
    cluster?.remove();
  }
  const { run, memory } = measured;
  const acked = run.votes.filter((vote) => vote.outcome === 'ack').length;
  const refused = run.votes.filter((vote) => vote.outcome !== 'ack');
  const screen = screenLatencies(run);
  const acks = ackLatencies(run.votes);
  const gaps = run.phoneUpdateGaps.sort((a, b) => a - b);
  const stalls = run.actions.actions;
  const rssMb = Math.max(...memory.map((instance) => instance.rssMb));

  // The human-readable part goes to stderr: stdout is the JSON line alone.
  console.error(
    [
      `poll ${poll.id} (${poll.optionCount} options), ${options.rooms} room(s), ${options.instances} instance(s) ` +
        `on ${options.store}, votes spread over ${options.voteWindowMs} ms, ` +
        `${options.connectConcurrency} participants connecting at a time`,
      `not acknowledged: ${refused.length}${refused.length ? ` (${[...new Set(refused.map((v) => v.outcome))].join(', ')})` : ''}`,
      `lost: ${lost.notInDatabase} not in the database, ${lost.notOnScreen} missing from the presenters' results; ` +
        `${screen.unseen} acknowledged votes never known to be on screen`,
      `send to ack: p50 ${ms(percentile(acks, 50))} ms, p95 ${ms(percentile(acks, 95))} ms, max ${ms(acks.at(-1) ?? NaN)} ms`,
      `presenter results messages: ${run.screens.reduce((sum, s) => sum + s.length, 0)}; ` +
        `server memory per instance (MiB, now/peak): ${memory.map((m) => `${round(m.rssMb, 1)}/${round(m.peakMb, 1)}`).join(', ')}`,
      `phones' results updates while voting: ${gaps.length} gaps, p50 ${ms(percentile(gaps, 50))} ms, ` +
        `p95 ${ms(percentile(gaps, 95))} ms, max ${ms(gaps.at(-1) ?? NaN)} ms`,
      `presenter actions (probe answer p50 ${ms(run.actions.baselineMs)} ms before them): ` +
        stalls.map((a) => `${a.action} ok in ${ms(a.answerMs)} ms, stall ${ms(a.stallMs)} ms`).join('; '),
      `server processor time: joins ${round(run.serverCpuS.join, 2)} s, votes ${round(run.serverCpuS.vote, 2)} s`,
      `load generator while voting: processor time ${round(run.ownVoteCpuS, 2)} s, ` +
        `event loop delay p99 ${ms(run.loopDelayMs.p99)} ms, max ${ms(run.loopDelayMs.max)} ms`,
    ].join('\n'),
  );
  console.log(
    JSON.stringify({
      participants: options.participants,
      rooms: options.rooms,
      instances: options.instances,
      store: options.store,
      join_s: round(run.joinMs / 1000, 2),
      votes: run.votes.length,
      acked,
      lost: Math.max(lost.notInDatabase, lost.notOnScreen),
      p50_ms: ms(percentile(screen.latencies, 50)),
      p95_ms: ms(percentile(screen.latencies, 95)),
      p99_ms: ms(percentile(screen.latencies, 99)),
      votes_per_s: Math.round(votesPerSecond(run.votes)),
      server_rss_mb: round(rssMb, 1),
      phone_update_p50_ms: ms(percentile(gaps, 50)),
      phone_update_max_ms: ms(gaps.at(-1) ?? Number.NaN),
      action_stall_ms: ms(Math.max(...stalls.map((action) => action.stallMs))),
    }),
  );
}

main().then(
  // Sockets the server reset may still hold handles for a moment; the run is over.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
