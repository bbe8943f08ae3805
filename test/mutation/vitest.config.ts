import { defineConfig } from 'vitest/config';
import OwnSuiteFirst from './sequencer.ts';

// The unit project, for `npm run test:mutation`, narrowed to the suites about the code it mutates:
// Stryker re-runs these for every mutant, so nothing here may need DynamoDB Local, a browser or a
// synth, and suites that never reach the mutated files would only cost time.
export default defineConfig({
  test: {
    name: 'unit',
    include: ['test/unit/{ledger,orders,registry-log,learning,innovations,decisions}/**/*.test.ts'],
    // The quiz's use-case suites load the whole commons from content/ on every run (about a second
    // each); the grading, drawing and waiting rules have unit suites of their own that must kill
    // every mutant alone.
    exclude: ['test/unit/learning/{take-quiz,learning}.test.ts'],
    environment: 'node',
    setupFiles: ['test/mutation/rebuild-schemas.ts'],
    sequence: { sequencer: OwnSuiteFirst },
  },
});
