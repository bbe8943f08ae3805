// The one retry policy: exponential backoff with full jitter inside a time budget; and the loop every
// logged write runs in, which retries lost races, gives up in time, and never retries anything else.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BusyError, ConflictError, StoreUnavailableError } from '#domain/errors.ts';
import {
  backoffDelay,
  conflictRetry,
  inProgressRetry,
  retryOnConflict,
  startRetries,
  unprocessedKeysRetry,
} from '#domain/retry.ts';
import { fakeClock } from '../support/fake-clock.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A step that loses every race, counting its tries. */
function alwaysLoses() {
  const loser = {
    calls: 0,
    step: async (): Promise<never> => {
      loser.calls++;
      throw new ConflictError('lost the race');
    },
  };
  return loser;
}

describe('retryOnConflict', () => {
  it('runs the step again after each lost race, and returns what the winning try returns', async () => {
    let calls = 0;
    const result = retryOnConflict(async () => {
      calls++;
      if (calls < 4) throw new ConflictError('lost the race');
      return 'landed';
    });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('landed');
    expect(calls).toBe(4);
  });

  it('gives up with a BusyError once its time budget is spent, without sleeping past it', async () => {
    const started = Date.now();
    const loser = alwaysLoses();
    const settled = retryOnConflict(loser.step, { budgetMs: 3_000, tries: 1_000 }).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = await settled;
    expect(error).toBeInstanceOf(BusyError);
    // A BusyError is a StoreUnavailableError: the API answers 503 with Retry-After, the site its outage page.
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).cause).toBeInstanceOf(ConflictError);
    expect(Date.now() - started).toBeLessThanOrEqual(3_000);
    expect(loser.calls).toBeGreaterThan(5);
  });

  it('stops after its tries even with time left', async () => {
    const loser = alwaysLoses();
    const result = retryOnConflict(loser.step, { budgetMs: 60_000, tries: 3 }).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await result).toBeInstanceOf(BusyError);
    expect(loser.calls).toBe(3);
  });

  it('never retries an error that is not a lost race', async () => {
    let calls = 0;
    const result = retryOnConflict(async () => {
      calls++;
      throw new StoreUnavailableError('down');
    }).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await result).toBeInstanceOf(StoreUnavailableError);
    expect(calls).toBe(1);
  });
});

describe('the retry policy', () => {
  const policy = { baseMs: 20, capMs: 500, budgetMs: 2_000, tries: 100 };

  it('waits a random time below a ceiling that doubles with each attempt and stops at the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(attempt, policy, () => 1));
    expect(ceilings).toEqual([20, 40, 80, 160, 320, 500, 500]);
    // Full jitter: anything from nothing up to the ceiling, never an equal share of it.
    expect(backoffDelay(4, policy, () => 0)).toBe(0);
    expect(backoffDelay(4, policy, () => 0.5)).toBe(80);
  });

  it('spreads the waits of a crowd instead of sending it back together', () => {
    const waits = Array.from({ length: 200 }, () => backoffDelay(5, policy));
    expect(new Set(waits.map((w) => Math.floor(w / 10))).size).toBeGreaterThan(20);
    expect(Math.max(...waits)).toBeLessThan(320);
  });

  it('never waits past its time budget, and then says to give up', async () => {
    const clock = fakeClock(() => 0.999);
    const { sleeps } = clock;
    const retries = startRetries(policy, clock);
    while (await retries.next()) {
      // each lost try costs nothing here: only the waits spend the budget
    }
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(policy.budgetMs);
    expect(sleeps.at(-1)).toBeLessThan(500);
    expect(await retries.next()).toBe(false);
  });

  it('gives up after its tries even with time to spare', async () => {
    const clock = fakeClock(() => 0);
    const { sleeps } = clock;
    const retries = startRetries({ ...policy, tries: 4 }, clock);
    let more = 0;
    while (await retries.next()) more++;
    expect(more).toBe(3);
    expect(retries.tries).toBe(4);
    expect(sleeps).toHaveLength(3);
  });

  it('keeps every retry that runs inside a request within the functions’ 10 s timeout', () => {
    for (const named of [conflictRetry, unprocessedKeysRetry, inProgressRetry]) {
      expect(named.budgetMs).toBeLessThanOrEqual(6_000);
      expect(named.capMs).toBeLessThanOrEqual(named.budgetMs);
    }
  });
});
