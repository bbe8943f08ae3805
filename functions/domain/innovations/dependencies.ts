// What the innovation use cases are given, and how a logged write finds its place in the log (every
// such write runs in `retryOnConflict`, domain/retry.ts).
import type { Commons } from '../content/commons.ts';
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
