import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DATABASE_FILE } from '../../src/server/pollBackend.ts';

// `npm start`'s server (src/server/main.ts) in a process of its own, so the load generator does not
// share its event loop, with a throw-away data folder. Plain `node --import tsx`, not the tsx CLI,
// which would put a second process in between: the pid must be the server's for its memory use.

/**
 * As `npm start` (package.json) and deploy/werkzame-factoren@.service run it: a young generation of
 * 4 MiB instead of V8's 16 keeps a server with thousands of phones 20-25 MiB smaller, at no more
 * processor time (docs/benchmarks.md).
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const DIST_DIR = join(PROJECT_ROOT, 'dist');

export interface ServerProcess {
  url: string;
  pid: number;
  /** The SQLite file; null on PostgreSQL. */
  databaseFile: string | null;
  /** Resident memory now, in MiB (VmRSS); `peak` gives the high-water mark (VmHWM). */
  memoryMb(which?: 'now' | 'peak'): number;
  /** Processor time the server has used so far (user and system), in seconds. */
  cpuSeconds(): number;
  /** SIGKILL leaves the database as a crash would; SIGTERM lets a CPU profile be written. */
  stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Deletes the data folder; after `stop`. */
  removeData(): void;
}

/** Builds the deck when dist/deck.json is missing, with the build's output on stderr. */
export function ensureBuilt(): void {
  if (existsSync(join(DIST_DIR, 'deck.json'))) return;
  console.error('dist/deck.json is missing: npm run build');
  const build = spawnSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: ['ignore', 2, 2] });
  if (build.status !== 0) throw new Error('npm run build failed');
}

/** `databaseUrl`: PostgreSQL (several instances may share it); null: SQLite in a data folder of its own. */
export function startServerProcess(options: {
  cpuProfileDir: string | null;
  databaseUrl: string | null;
}): Promise<ServerProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'poll-bench-'));
  const profiling = options.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir] : [];
  const child = spawn(process.execPath, [...profiling, ...SERVER_NODE_FLAGS, '--import', 'tsx', 'src/server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR,
      PUBLIC_URL: '',
      // Empty: SQLite, whatever the caller's environment says.
      DATABASE_URL: options.databaseUrl ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));

  return new Promise((resolveStart, reject) => {
    let output = '';
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString();
      // main.ts prints the presenter address once the server listens.
      const port = /http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (!port || child.pid === undefined) return;
      child.stdout.off('data', onOutput);
      const pid = child.pid;
      resolveStart({
        url: `http://127.0.0.1:${port}`,
        pid,
        databaseFile: options.databaseUrl ? null : join(dataDir, DATABASE_FILE),
        memoryMb: (which = 'now') => readMemoryMb(pid, which === 'now' ? 'VmRSS' : 'VmHWM'),
        cpuSeconds: () => readCpuSeconds(pid),
        stop(signal) {
          child.kill(signal);
          return exited;
        },
        removeData: () => rmSync(dataDir, { recursive: true, force: true }),
      });
    };
    child.stdout.on('data', onOutput);
    // Server errors stay visible; they go to our stderr, never to stdout, whose last line is the result.
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
}

function readMemoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (kilobytes === undefined) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(kilobytes) / 1024;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ), 100 on every Linux that runs Node. */
const TICKS_PER_SECOND = 100;

function readCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // After the command name (which may hold spaces, hence the last parenthesis): state is field 3,
  // utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}
