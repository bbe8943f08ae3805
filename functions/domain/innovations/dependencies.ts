// What the innovation use cases are given, and the one loop every logged write runs in.
import type { Commons } from '../content/commons.ts';
import { ConflictError } from '../errors.ts';
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
  config: { ROYALTY_DISPUTE_WINDOW_DAYS: number; BOUND_DEFAULT_CREDIT_LIMIT: number };
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
 */
export async function retryOnConflict<T>(step: () => Promise<T>, tries = 60): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= tries) throw error;
      // Spread the losers out, wider with each loss, so a crowd on one log head thins out instead of
      // colliding again on the very next index (100 writers land within the 60 tries even under load).
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(250, 10 * attempt)));
    }
  }
}
