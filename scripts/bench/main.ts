import { parseArgs } from 'node:util';
import { readDeckFile } from '../../src/server/deckFile.ts';
import { PollCatalog } from '../../src/server/pollCatalog.ts';
import { checkFileDescriptorLimit } from './fileDescriptors.ts';
import { runLoad } from './loadGenerator.ts';
import { countLostVotes } from './lostVotes.ts';
import { DIST_DIR, ensureBuilt, startServerProcess } from './serverProcess.ts';
import { ackLatencies, percentile, voteToScreenLatencies, votesPerSecond } from './stats.ts';

// npm run bench -- [--participants N] [--vote-window-ms MS] [--connect-concurrency C] [--poll ID]
//                  [--cpu-prof DIR]
// Starts the server, lets N participants join one room and vote once each, and prints what it measured;
// the last line of stdout is one JSON object (see docs/benchmarks.md for the method). Linux only: it
// reads /proc for the server's memory and the file-descriptor limit.

const USAGE =
  'npm run bench -- [--participants N] [--vote-window-ms MS] [--connect-concurrency C] [--poll ID] [--cpu-prof DIR]';

function wholeNumber(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} ${text}: expected a whole number >= ${min}`);
  return value;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      participants: { type: 'string', default: '1000' },
      'vote-window-ms': { type: 'string', default: '2000' },
      'connect-concurrency': { type: 'string' },
      poll: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const participants = wholeNumber('participants', values.participants, 1);
  return {
    participants,
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

/** Runs the load against the server and stops it; on failure its data folder goes too. */
async function measure(options: ReturnType<typeof readOptions>, poll: { id: string; optionCount: number }) {
  const server = await startServerProcess({ cpuProfileDir: options.cpuProfileDir });
  try {
    const run = await runLoad({
      url: server.url,
      participants: options.participants,
      poll: poll.id,
      optionCount: poll.optionCount,
      connectConcurrency: options.connectConcurrency,
      voteWindowMs: options.voteWindowMs,
      serverCpuSeconds: server.cpuSeconds,
    });
    // Read while every participant is still connected: the memory a full room costs.
    const memory = { rssMb: server.memoryMb('now'), peakMb: server.memoryMb('peak') };
    run.disconnect();
    // A CPU profile is written only when the process exits by itself (main.ts stops on SIGTERM).
    await server.stop(options.cpuProfileDir ? 'SIGTERM' : 'SIGKILL');
    return { server, run, memory };
  } catch (error) {
    await server.stop('SIGKILL');
    server.removeData();
    throw error;
  }
}

async function main(): Promise<void> {
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions();
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nusage: ${USAGE}`, { cause: error });
  }
  checkFileDescriptorLimit(options.participants);
  ensureBuilt();
  const poll = benchPoll(options.pollId);
  const { server, run, memory } = await measure(options, poll);

  let lost;
  try {
    lost = countLostVotes(server.databaseFile, run.room, poll.id, run.votes, run.screen);
  } finally {
    server.removeData();
  }
  const acked = run.votes.filter((vote) => vote.outcome === 'ack').length;
  const refused = run.votes.filter((vote) => vote.outcome !== 'ack');
  const screen = voteToScreenLatencies(run.votes, run.screen);
  const acks = ackLatencies(run.votes);

  const ms = (value: number) => round(value, 1);
  // The human-readable part goes to stderr: stdout is the JSON line alone.
  console.error(
    [
      `poll ${poll.id} (${poll.optionCount} options), votes spread over ${options.voteWindowMs} ms, ` +
        `${options.connectConcurrency} participants connecting at a time`,
      `not acknowledged: ${refused.length}${refused.length ? ` (${[...new Set(refused.map((v) => v.outcome))].join(', ')})` : ''}`,
      `lost: ${lost.notInDatabase} not in the database, ${lost.notOnScreen} missing from the presenter's results; ` +
        `${screen.unseen} acknowledged votes never known to be on screen`,
      `send to ack: p50 ${ms(percentile(acks, 50))} ms, p95 ${ms(percentile(acks, 95))} ms, max ${ms(acks.at(-1) ?? NaN)} ms`,
      `presenter results messages: ${run.screen.length}; server peak memory ${round(memory.peakMb, 1)} MiB`,
      `server processor time: joins ${round(run.serverCpuS.join, 2)} s, votes ${round(run.serverCpuS.vote, 2)} s`,
      `load generator while voting: processor time ${round(run.ownVoteCpuS, 2)} s, ` +
        `event loop delay p99 ${ms(run.loopDelayMs.p99)} ms, max ${ms(run.loopDelayMs.max)} ms`,
    ].join('\n'),
  );
  console.log(
    JSON.stringify({
      participants: options.participants,
      join_s: round(run.joinMs / 1000, 2),
      votes: run.votes.length,
      acked,
      lost: Math.max(lost.notInDatabase, lost.notOnScreen),
      p50_ms: ms(percentile(screen.latencies, 50)),
      p95_ms: ms(percentile(screen.latencies, 95)),
      p99_ms: ms(percentile(screen.latencies, 99)),
      votes_per_s: Math.round(votesPerSecond(run.votes)),
      server_rss_mb: round(memory.rssMb, 1),
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
