// The loop every logged write runs in: it retries lost races, gives up in time, and never retries
// anything but a lost race.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BusyError, ConflictError, StoreUnavailableError } from '#domain/errors.ts';
import { retryOnConflict } from '#domain/innovations/dependencies.ts';

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
