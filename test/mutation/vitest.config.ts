import { defineConfig } from 'vitest/config';

// The unit project, for `npm run test:mutation`, narrowed to the suites about the code it mutates:
// Stryker re-runs these for every mutant, so nothing here may need DynamoDB Local, a browser or a
// synth, and suites that never reach the mutated files would only cost time.
export default defineConfig({
  test: {
    name: 'unit',
    include: ['test/unit/{ledger,registry-log,learning,innovations}/**/*.test.ts'],
    environment: 'node',
  },
});
