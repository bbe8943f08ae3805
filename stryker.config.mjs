// Mutation testing of the code that moves money, keeps the registry log, grades quizzes and keeps
// anyone from deciding on both sides of a deal: `npm run test:mutation`. Each mutant (a small change
// to the code: `<` for `<=`, a dropped condition, an emptied string) must make some unit test fail.
// The score is the share of mutants killed; below 90 on the run as a whole the command fails, and the
// table it prints shows each file's own score.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The unit project, narrowed to the suites about the mutated code (see that file). Not Stryker's own
  // `testFiles`: with it, Stryker 10.1 activates a mutant in module-level code (a regex, a schema) only
  // after the module has loaded, so every such mutant survives whatever the tests say.
  vitest: { configFile: 'test/mutation/vitest.config.ts' },
  mutate: [
    'functions/domain/ledger/**/*.ts',
    'functions/domain/orders/order.ts',
    'functions/domain/registry-log/**/*.ts',
    'functions/domain/learning/grade-quiz.ts',
    'functions/domain/learning/quiz-draw.ts',
    'functions/domain/learning/quiz-wait.ts',
    'functions/domain/innovations/separation-of-duties.ts',
    'functions/domain/innovations/settle-report.ts',
    'functions/domain/innovations/log-head.ts',
    'functions/domain/innovations/log-events.ts',
    'functions/domain/innovations/adoption.ts',
    'functions/domain/innovations/innovation.ts',
    // When a vote passes, and what a passed proposal enacts: the rules by which money follows votes.
    'functions/domain/decisions/passing-rule.ts',
    'functions/domain/decisions/enactment.ts',
  ],
  // Each test records which mutants it reaches, so a mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  concurrency: 2,
  thresholds: { high: 95, low: 90, break: 90 },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false },
  htmlReporter: { fileName: '.tmp/mutation/index.html' },
  jsonReporter: { fileName: '.tmp/mutation/report.json' },
  // The sandbox is a copy of the project: leave out what the unit tests never read.
  ignorePatterns: ['.cache', '.data', 'cdk.out', 'site/dist', 'site/.astro', 'test-results'],
  tempDirName: '.tmp/stryker',
  // `npm run test:mutation -- --incremental` (as CI runs it) re-tests only the mutants whose code or
  // tests changed since the results kept here, and keeps the new ones: a clean clone starts from the
  // committed file, not from nothing, which took CI's mutation step from ~10 minutes to what changed.
  // Stryker compares the mutated files and the test files; a change elsewhere that alters a test's
  // outcome (a shared helper) is not seen, so `npm run test:mutation -- --incremental --force` (every
  // mutant again) refreshes the file whenever the money, log or grading code's helpers change.
  incrementalFile: 'test/mutation/incremental.json',
  cleanTempDir: 'always',
};
