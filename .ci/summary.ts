// The closing lines of a CI run: how many tests ran, passed, failed and were skipped, read from the
// machine-readable reports that `npm test` (vitest's JSON reporter) and Schemathesis (JUnit) wrote.
// Vitest's own summary ("Tests  754 passed (754)") and Schemathesis' pytest-styled last line are not
// forms an outside reader can count, so this prints the plain "N passed, N failed, N skipped" form.
// A report that is missing or counts no test fails the run: CI that ran nothing is not green.
// Mutation testing (Stryker's JSON report) adds its score line; Stryker itself fails its step below 90.
import { readFileSync } from 'node:fs';

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

/** Stryker's score: detected (killed or timed out) over all mutants that count (not ignored). */
function strykerLine(label: string, path: string) {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    files: Record<string, { mutants: Array<{ status: string }> }>;
    thresholds: { break?: number | null };
  };
  const tally = new Map<string, number>();
  for (const file of Object.values(report.files)) {
    for (const { status } of file.mutants) tally.set(status, (tally.get(status) ?? 0) + 1);
  }
  const count = (status: string) => tally.get(status) ?? 0;
  const detected = count('Killed') + count('Timeout');
  const counted = detected + count('Survived') + count('NoCoverage');
  const score = counted === 0 ? 0 : (100 * detected) / counted;
  const line =
    `${label}: ${score.toFixed(2)}% of ${counted} mutants detected, ${count('Survived')} survived, ` +
    `${count('NoCoverage')} reached by no test, ${count('Ignored')} ignored (breaks below ${report.thresholds.break ?? 'nothing'})`;
  return { line, failing: counted === 0 };
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
