import { defineConfig } from 'vitest/config';

// Four kinds of test, each its own project (see test/README.md for what belongs where).
export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: one worker on CI's 2 cores, so every file ran
    // after the other with a core idle. Two, for the unit and infra files (import-bound); the integration
    // and browser files still run one at a time (below).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          // A guard against a hang, never a speed check: a property test's hundred runs took past the
          // default 5 s while a CI run and eight helpers shared the 2 cores.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/dynamodb-global-setup.ts'],
          // One file at a time: with two at once, DynamoDB Local trimmed a stream's shard under the other
          // file's load (shortages.test.ts beside 100 racing writers): the poller reads on with a new
          // iterator, but the records trimmed before they were read are lost and the index was wrong
          // (test/README.md).
          fileParallelism: false,
          // A guard against a hang, never a speed check (benchmarks measure): the heaviest tests (100
          // racing writers, a few thousand log entries) came near 20 s on a loaded 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          testTimeout: 60_000,
          // The synth runs in beforeAll: ~3 s alone, over 10 s (the default) on a loaded machine.
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/stack-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      // The Meilisearch adapter against a real engine: this project exists only when one is configured
      // (no registry here ships Meilisearch; the adapter's request building is unit-tested offline).
      ...(process.env.MEILISEARCH_URL
        ? [
            {
              extends: true,
              test: {
                name: 'meilisearch',
                include: ['test/meilisearch/**/*.test.ts'],
                testTimeout: 30_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
