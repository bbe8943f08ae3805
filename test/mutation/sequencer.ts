import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const suiteOf = (file: string) => basename(file).replace(/(\.property)?\.test\.ts$|\.ts$/, '');

/**
 * The order of one mutant's test files: the suite named after the mutated file first, then a suite
 * that failed in the previous run (it likely kills this mutant's neighbours too), then the quickest.
 * Stryker names the mutated file as vitest's `related` file and stops at the first failing test, so
 * a mutant its own unit suite kills never waits for the slower suites that also reach it. (Vitest's
 * default runs the slowest file first, which suits a whole run, not a run per mutant.)
 */
export default class OwnSuiteFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const mutated = new Set((this.ctx.config.related ?? []).map(suiteOf));
    const rank = (file: TestSpecification) => {
      const last = this.ctx.cache.getTestSpecificationResult(file);
      return [mutated.has(suiteOf(file.moduleId)) ? 0 : 1, last?.failed ? 0 : 1, last?.duration ?? 0] as const;
    };
    return [...files].sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
    });
  }
}
