// Mutation scores read from Stryker's JSON report (`.tmp/mutation/report.json`), for the whole run
// and for each mutated file: detected (killed or timed out) over the mutants that count (detected,
// survived and reached by no test; ignored ones do not count). Used by `floor.ts` and CI's summary.
import { readFileSync } from 'node:fs';

export interface Score {
  detected: number;
  survived: number;
  noCoverage: number;
  ignored: number;
  counted: number;
  /** Percent, 0 when nothing counted. */
  score: number;
}

export interface Report {
  files: Record<string, { mutants: Array<{ status: string }> }>;
  thresholds: { break?: number | null };
}

export function readReport(path: string): Report {
  return JSON.parse(readFileSync(path, 'utf8')) as Report;
}

export function scoreOf(mutants: ReadonlyArray<{ status: string }>): Score {
  const count = (...statuses: string[]) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count('Killed', 'Timeout');
  const survived = count('Survived');
  const noCoverage = count('NoCoverage');
  const counted = detected + survived + noCoverage;
  return {
    detected,
    survived,
    noCoverage,
    ignored: count('Ignored'),
    counted,
    score: counted === 0 ? 0 : (100 * detected) / counted,
  };
}

/** The whole run's score and each file's, by path. */
export function scores(report: Report): { total: Score; files: Map<string, Score> } {
  const files = new Map(Object.entries(report.files).map(([path, file]) => [path, scoreOf(file.mutants)]));
  return { total: scoreOf(Object.values(report.files).flatMap((file) => file.mutants)), files };
}
