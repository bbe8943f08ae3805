// The closing lines of a CI run: how many tests ran, passed, failed and were skipped, read from the
// machine-readable reports that `npm test` (vitest's JSON reporter) and Schemathesis (JUnit) wrote.
// Vitest's own summary ("Tests  754 passed (754)") and Schemathesis' pytest-styled last line are not
// forms an outside reader can count, so this prints the plain "N passed, N failed, N skipped" form.
// A report that is missing or counts no test fails the run: CI that ran nothing is not green.
// Mutation testing (Stryker's JSON report) adds its score line and its lowest file; the mutation step
// itself fails when any file scores below 90.
import { readFileSync } from 'node:fs';
import { readReport, scores } from '../test/mutation/score.ts';

type Counts = { passed: number; failed: number; skipped: number };

function vitestCounts(path: string): Counts {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function junitCounts(path: string): Counts {
  const xml = readFileSync(path, 'utf8');
  const attribute = (name: string) =>
    [...xml.matchAll(new RegExp(`<testsuite\\b[^>]*\\b${name}="(\\d+)"`, 'g'))].reduce(
      (sum, match) => sum + Number(match[1]),
      0,
    );
  const tests = attribute('tests');
  const failed = attribute('failures') + attribute('errors');
  const skipped = attribute('skipped');
  return { passed: tests - failed - skipped, failed, skipped };
}

/** Stryker's score for the run, and its lowest file (`npm run test:mutation` fails any file below 90). */
function strykerLine(label: string, path: string) {
  const report = readReport(path);
  const { total, files } = scores(report);
  const lowest = [...files].filter(([, file]) => file.counted > 0).sort(([, a], [, b]) => a.score - b.score)[0];
  const line =
    `${label}: ${total.score.toFixed(2)}% of ${total.counted} mutants detected, ${total.survived} survived, ` +
    `${total.noCoverage} reached by no test, ${total.ignored} ignored; lowest file ` +
    `${lowest ? `${lowest[0]} ${lowest[1].score.toFixed(2)}%` : 'none'} (breaks below ${report.thresholds.break ?? 'nothing'})`;
  return { line, failing: total.counted === 0 };
}

const countReaders: Record<string, (path: string) => Counts> = { vitest: vitestCounts, junit: junitCounts };
let failing = false;
for (const argument of process.argv.slice(2)) {
  const [label, kind, path] = argument.split(':');
  if (label && kind === 'stryker' && path) {
    const summary = strykerLine(label, path);
    failing ||= summary.failing;
    console.log(summary.line);
    continue;
  }
  const read = kind ? countReaders[kind] : undefined;
  if (!label || !read || !path) throw new Error(`expected label:vitest|junit|stryker:path, got ${argument}`);
  const counts = read(path);
  if (counts.failed > 0 || counts.passed === 0) failing = true;
  console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
if (failing) process.exit(1);
