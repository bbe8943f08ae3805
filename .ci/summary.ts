// The closing lines of a CI run: how many tests ran, passed, failed and were skipped, read from the
// machine-readable reports that `npm test` (vitest's JSON reporter) and Schemathesis (JUnit) wrote.
// Vitest's own summary ("Tests  754 passed (754)") and Schemathesis' pytest-styled last line are not
// forms an outside reader can count, so this prints the plain "N passed, N failed, N skipped" form.
// A report that is missing or counts no test fails the run: CI that ran nothing is not green.
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

const readers: Record<string, (path: string) => Counts> = { vitest: vitestCounts, junit: junitCounts };
let failing = false;
for (const argument of process.argv.slice(2)) {
  const [label, kind, path] = argument.split(':');
  const read = kind ? readers[kind] : undefined;
  if (!label || !read || !path) throw new Error(`expected label:vitest|junit:path, got ${argument}`);
  const counts = read(path);
  if (counts.failed > 0 || counts.passed === 0) failing = true;
  console.log(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}
if (failing) process.exit(1);
