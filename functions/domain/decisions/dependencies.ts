// What the decisions' use cases are given: narrow ports, so a unit test passes fakes.
import type {
  InnovationRepository,
  LedgerRepository,
  RegistryLogRepository,
} from '../innovations/innovation-repository.ts';
import type { LogSigner } from '../innovations/log-head.ts';
import type { PeopleRepository } from '../people/person.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';
import type { DecisionRepository } from './proposal.ts';

export interface DecisionDependencies {
  decisions: DecisionRepository;
  people: Pick<PeopleRepository, 'get' | 'drawPage'>;
  syndicates: Pick<SyndicateRepository, 'get' | 'getMembership'>;
  ledger: Pick<LedgerRepository, 'getAccounts' | 'creditPolicy' | 'stewardRemovals'>;
  innovations: Pick<InnovationRepository, 'get' | 'getVersion' | 'getAdoption' | 'getReport'>;
  registryLog: Pick<RegistryLogRepository, 'head'>;
  logSigner: LogSigner;
  newId: () => string;
  /** The bootstrap stewards a commons vote may remove. */
  config: { STEWARDS: readonly string[] };
  now: () => Date;
}
