// What a call throws, for tests that check what a refusal says (its fields, rule and sentence), not
// only that there was one.
import { expect } from 'vitest';

/** The error `run` throws, checked to be a `kind`; the test fails if `run` returns instead. */
export function thrown<E extends Error>(run: () => unknown, kind: abstract new (...args: never[]) => E): E {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a refusal, but the call returned').toBeInstanceOf(kind);
  return caught as E;
}

/** The same, for a call that returns a promise. */
export async function rejected<E extends Error>(
  run: () => Promise<unknown>,
  kind: abstract new (...args: never[]) => E,
): Promise<E> {
  let caught: unknown;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'expected a refusal, but the call resolved').toBeInstanceOf(kind);
  return caught as E;
}
