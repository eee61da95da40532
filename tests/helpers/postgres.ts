import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';

// For tests that need PostgreSQL: the run's throw-away cluster (tests/helpers/postgresSetup.ts) and a
// fresh, empty database in it for each suite.

export const postgresUrl: string | null = inject('postgresUrl');

/** `describe` when PostgreSQL is there, `describe.skip` (with the set-up's loud warning) when not. */
export const describeWithPostgres = postgresUrl ? describe : describe.skip;

/** A new empty database in the test cluster; its address. */
export async function freshDatabase(): Promise<string> {
  if (!postgresUrl) throw new Error('no PostgreSQL for this run');
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.href;
}
