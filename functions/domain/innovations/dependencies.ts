// What the innovation use cases are given, and the one loop every logged write runs in.
import type { Commons } from '../content/commons.ts';
import { BusyError, ConflictError } from '../errors.ts';
import type { PeopleRepository } from '../people/person.ts';
import type { SyndicateDependencies } from '../syndicates/syndicate-use-cases.ts';
import type { InnovationRepository, LedgerRepository, RegistryLogRepository } from './innovation-repository.ts';
import type { LogEvent } from './log-events.ts';
import { emptyHead, type LogAppend, type LogSigner, prepareAppend } from './log-head.ts';

export interface InnovationDependencies extends SyndicateDependencies {
  commons: Pick<Commons, 'skills' | 'practices' | 'trades'>;
  people: PeopleRepository;
  innovations: InnovationRepository;
  ledger: LedgerRepository;
  registryLog: RegistryLogRepository;
  logSigner: LogSigner;
  newId: () => string;
  config: { ROYALTY_DISPUTE_WINDOW_DAYS: number; STEWARDS: readonly string[] };
}

/** A use case's result and the log index of the event it recorded. */
export type AppendedEvent<T> = T & { logIndex: number };

export type LogDependencies = Pick<InnovationDependencies, 'registryLog' | 'logSigner' | 'now'>;

/** The append that records `event` on top of the log's current head. */
export async function appendFor(deps: LogDependencies, event: LogEvent): Promise<LogAppend> {
  return prepareAppend((await deps.registryLog.head()) ?? emptyHead(), event, deps.now(), deps.logSigner);
}

/**
 * Runs `step` until its conditional write lands. A ConflictError means another writer got there
 * first (most often: took the log's next index), so `step` runs again from its reads; each step
 * re-checks the rules, so a retry that finds the work done returns it instead of doing it twice.
 *
 * Losers back off exponentially with full jitter (capped at a second), so a crowd on one log head
 * spreads out instead of colliding on the very next index. The loop gives up after `budgetMs`, well
 * inside the functions' 10 s timeout, with a BusyError (503, Retry-After): nothing was written, and
 * the caller may simply ask again.
 */
export async function retryOnConflict<T>(
  step: () => Promise<T>,
  { budgetMs = 6_000, tries = 60 }: { budgetMs?: number; tries?: number } = {},
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const left = deadline - Date.now();
      if (attempt >= tries || left <= 0) {
        throw new BusyError('Too many changes are landing here at once; nothing was changed. Try again.', {
          cause: error,
        });
      }
      const wait = Math.min(left, Math.random() * Math.min(1_000, 10 * 2 ** attempt));
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
