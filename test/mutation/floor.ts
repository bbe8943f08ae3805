// Run after Stryker by `npm run test:mutation`: every mutated file must score at least the floor on
// its own, not only the run as a whole (Stryker's own `break` threshold looks at the whole run, where
// a well-tested file can hide a poorly tested one). Prints the files below it and fails.
import { readReport, scores } from './score.ts';

const floor = 90;
const path = process.argv[2] ?? '.tmp/mutation/report.json';
const { files } = scores(readReport(path));
const below = [...files].filter(([, file]) => file.counted > 0 && file.score < floor);
for (const [file, score] of below) {
  console.error(
    `${file}: ${score.score.toFixed(2)}% of ${score.counted} mutants detected (${score.survived} survived, ` +
      `${score.noCoverage} reached by no test); each file needs ${floor}%`,
  );
}
if (below.length > 0) process.exit(1);
console.log(`mutation: each of ${files.size} files scores at least ${floor}%`);
