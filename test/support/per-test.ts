// Fixtures built inside the tests that use them.
import { expect } from 'vitest';

/**
 * A fixture built inside each test that uses it (once per test), never while the file loads. Mutation
 * testing (`npm run test:mutation`) records which tests reach which code: a fixture built at load time
 * reaches the code outside any test, and every mutant in it would then need the whole suite re-run.
 */
export function perTest<T>(build: () => T): () => T {
  let built: { test: string | undefined; value: T } | undefined;
  return () => {
    const test = expect.getState().currentTestName;
    if (built === undefined || built.test !== test || test === undefined) built = { test, value: build() };
    return built.value;
  };
}
