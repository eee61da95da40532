import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// A smoke run of `npm run bench` with a small room: the whole pipeline (server process, presenter
// process, participants, the database check) and the shape of its result. No timing assertions: CI
// machines are too noisy for them; docs/benchmarks.md has the figures.

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
const FIGURES = [
  'participants',
  'join_s',
  'votes',
  'acked',
  'lost',
  'p50_ms',
  'p95_ms',
  'p99_ms',
  'votes_per_s',
  'server_rss_mb',
];

describe('npm run bench', () => {
  it('lets 50 participants join and vote, loses none, and prints one JSON line', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench/main.ts', '--participants', '50'],
      { cwd: PROJECT_ROOT, timeout: 90_000 },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const result = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(FIGURES);
    for (const figure of FIGURES) expect(Number.isFinite(result[figure]), figure).toBe(true);
    expect(result).toMatchObject({ participants: 50, votes: 50, acked: 50, lost: 0 });
  }, 120_000);
});
