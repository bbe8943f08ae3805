// The one retry policy: everything that tries again (a write that lost a race, keys a batch read left
// unprocessed, a wait for another request to finish) waits by exponential backoff with full jitter and
// stops inside a time budget, so a crowd of retries spreads out instead of colliding again, and a
// request never runs into the functions' 10 s timeout.
//
// Full jitter (the wait is uniform in [0, min(cap, base × 2^attempt))) is the variant AWS's
// architecture blog measured to finish contended work soonest with the fewest calls. Each use names its
// policy below, with the reason for its figures.
import { BusyError, ConflictError } from './errors.ts';

export interface RetryPolicy {
  /** The ceiling of the first wait; it doubles with each further attempt. */
  baseMs: number;
  /** No single wait is longer than this. */
  capMs: number;
  /** No wait starts or runs past this long after the first try; then the caller gives up. */
  budgetMs: number;
  /** At most this many tries in all, the first included. */
  tries: number;
}

/**
 * Writes appended to the registry log (and other writes that re-read after a lost race): 6 s leaves
 * the rest of the functions' 10 s for the reads and the store's own time limit on the last try.
 */
export const conflictRetry: RetryPolicy = { baseMs: 20, capMs: 1_000, budgetMs: 6_000, tries: 60 };

/**
 * Keys a BatchGetItem left unprocessed (throttling, or a response past 16 MB): a few quick tries, then
 * a 503. 2 s keeps a request that reads a page and then its batch inside the functions' timeout.
 */
export const unprocessedKeysRetry: RetryPolicy = { baseMs: 20, capMs: 500, budgetMs: 2_000, tries: 8 };

/** Batch jobs (a recompute, a reindex), which run under no request's deadline: longer and more patient. */
export const batchJobRetry: RetryPolicy = { baseMs: 50, capMs: 2_000, budgetMs: 60_000, tries: 12 };

/** Waiting for another request holding the same idempotency key to finish: about as long as one write. */
export const inProgressRetry: RetryPolicy = { baseMs: 50, capMs: 500, budgetMs: 2_000, tries: 12 };

/** What the policy waits on and with; tests pass fakes. */
export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export const systemClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** The wait before retry number `attempt` (1 for the first retry): full jitter under the capped exponential. */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseMs' | 'capMs'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return random() * ceiling;
}

export interface Retries {
  /**
   * Waits before the next try and resolves true, or resolves false at once when the tries or the time
   * budget are spent (the caller then gives up). A wait never runs past the budget.
   */
  next(): Promise<boolean>;
  /** Tries made so far (the first included). */
  readonly tries: number;
}

/** Starts counting tries and time for one operation under `policy`. */
export function startRetries(policy: RetryPolicy, clock: RetryClock = systemClock): Retries {
  const deadline = clock.now() + policy.budgetMs;
  let tries = 1;
  return {
    get tries() {
      return tries;
    },
    async next() {
      const left = deadline - clock.now();
      if (tries >= policy.tries || left <= 0) return false;
      await clock.sleep(Math.min(left, backoffDelay(tries, policy, clock.random)));
      tries++;
      return true;
    },
  };
}

/**
 * Runs `step` until its conditional write lands. A ConflictError means another writer got there
 * first (most often: took the log's next index), or DynamoDB cancelled the transaction for a
 * conflicting one; `step` runs again from its reads, so each try re-checks the rules, and a retry that
 * finds the work done returns it instead of doing it twice. Out of budget it gives up with a BusyError
 * (503, Retry-After): nothing was written, and the caller may simply ask again.
 */
export async function retryOnConflict<T>(
  step: () => Promise<T>,
  policy: Partial<RetryPolicy> = {},
  clock: RetryClock = systemClock,
): Promise<T> {
  const retries = startRetries({ ...conflictRetry, ...policy }, clock);
  for (;;) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      if (!(await retries.next())) {
        throw new BusyError('Too many changes are landing here at once; nothing was changed. Try again.', {
          cause: error,
        });
      }
    }
  }
}
