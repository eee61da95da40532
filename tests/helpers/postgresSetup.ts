import type { TestProject } from 'vitest/node';
import { postgresBinDir, startTestCluster } from './postgresCluster.ts';

// Vitest's global set-up: one throw-away PostgreSQL cluster for the whole run, its address handed to
// the tests as `postgresUrl` (see tests/helpers/postgres.ts). PG_TEST_URL uses a server that is already
// running instead. Without PostgreSQL the tests that need it are skipped, loudly; in CI that fails.

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (process.env.PG_TEST_URL) {
    project.provide('postgresUrl', process.env.PG_TEST_URL);
    return undefined;
  }
  const bin = postgresBinDir();
  if (!bin) {
    const message = '\n!!! No PostgreSQL server found (apt-get install postgresql): its tests are SKIPPED !!!\n';
    if (process.env.CI === 'true') throw new Error(`${message}In CI a missing PostgreSQL fails the run.`);
    console.warn(message);
    project.provide('postgresUrl', null);
    return undefined;
  }
  const cluster = await startTestCluster(bin);
  project.provide('postgresUrl', cluster.url);
  return () => cluster.remove();
}
