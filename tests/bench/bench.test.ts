import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeWithPostgres } from '../helpers/postgres.ts';

// Smoke runs of `npm run bench` with small rooms: the whole pipeline (server processes, presenter
// process, participants, the presenter actions, the database check) and the shape of its result. No
// timing assertions: CI machines are too noisy for them; docs/benchmarks.md has the figures.

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const FIGURES = [
  'participants',
  'rooms',
  'instances',
  'store',
  'join_s',
  'votes',
  'acked',
  'lost',
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'votes_per_s',
  'server_rss_mb',
  'phone_update_p50_ms',
  'phone_update_max_ms',
  'action_stall_ms',
];

async function bench(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench/main.ts', ...args],
    {
      cwd: PROJECT_ROOT,
      timeout: 90_000,
    },
  );
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const result = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
  expect(Object.keys(result)).toEqual(FIGURES);
  for (const figure of FIGURES.filter((name) => name !== 'store'))
    expect(Number.isFinite(result[figure]), figure).toBe(true);
  return result;
}

describe('npm run bench', () => {
  it('lets 50 participants join and vote, loses none, and prints one JSON line', async () => {
    const result = await bench('--participants', '50');
    expect(result).toMatchObject({ participants: 50, rooms: 1, instances: 1, store: 'sqlite' });
    expect(result).toMatchObject({ votes: 50, acked: 50, lost: 0 });
  }, 120_000);

  it('spreads the participants over a few rooms, each with its presenter', async () => {
    const result = await bench('--participants', '60', '--rooms', '3');
    expect(result).toMatchObject({ participants: 60, rooms: 3, instances: 1, store: 'sqlite' });
    expect(result).toMatchObject({ votes: 60, acked: 60, lost: 0 });
  }, 120_000);
});

describeWithPostgres('npm run bench on PostgreSQL', () => {
  it('runs two instances on a throw-away cluster; every acknowledged vote is stored', async () => {
    const result = await bench('--participants', '60', '--rooms', '2', '--instances', '2', '--store', 'postgres');
    expect(result).toMatchObject({ participants: 60, rooms: 2, instances: 2, store: 'postgres' });
    expect(result).toMatchObject({ votes: 60, acked: 60, lost: 0 });
  }, 120_000);
});
