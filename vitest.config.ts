import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/content/**/*.test.ts',
            'tests/vite/**/*.test.ts',
            'tests/deck/**/*.test.ts',
            'tests/server/**/*.test.ts',
            'tests/join/**/*.test.ts',
            'tests/client/**/*.test.ts',
            'tests/console/**/*.test.ts',
            'tests/architecture/**/*.test.ts',
            'tests/shared/**/*.test.ts',
            'tests/bench/**/*.test.ts',
            'tests/scripts/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 60_000,
          // Several suites build the deck in beforeAll: seconds on a quiet machine, more on a busy one.
          hookTimeout: 120_000,
          globalSetup: ['tests/helpers/postgresSetup.ts'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts', 'tests/deploy/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/postgresSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
