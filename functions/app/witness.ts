// The witnessing use cases bound to the services: the instance's own host from its public URL, its own
// log's heads and proofs from the registry log's read use cases (domain/federation/witnessing.ts and
// witness-reports.ts say what each does).
import type { WitnessReportDependencies } from '#domain/federation/witness-reports.ts';
import { runWitness, type WitnessDependencies } from '#domain/federation/witnessing.ts';
import { consistency } from '#domain/innovations/registry-log-use-cases.ts';
import { emptyHead } from '#domain/innovations/log-head.ts';
import type { StoreServices } from './store-services.ts';

type Needs = Pick<
  StoreServices,
  'config' | 'ledger' | 'witnessedLogs' | 'witnessReports' | 'remoteLogs' | 'logSigner' | 'registryLog' | 'now' | 'log'
>;

export const ownHost = (services: Pick<Needs, 'config'>) => new URL(services.config.PUBLIC_URL).host;

export function witnessDependencies(services: Needs): WitnessDependencies {
  // Picked one by one: the services object builds some of its members on first use (getters).
  return {
    config: services.config,
    ledger: services.ledger,
    witnessedLogs: services.witnessedLogs,
    remoteLogs: services.remoteLogs,
    logSigner: services.logSigner,
    ownHost: ownHost(services),
    now: () => services.now(),
    log: services.log,
  };
}

export function witnessReportDependencies(services: Needs): WitnessReportDependencies {
  return {
    witnessReports: services.witnessReports,
    remoteLogs: services.remoteLogs,
    ownHost: ownHost(services),
    now: services.now,
    ownLog: {
      async headOfSize(treeSize) {
        const size = (await services.registryLog.head())?.treeSize ?? 0;
        if (treeSize < 1 || treeSize > size) return null;
        return (await consistency(services, treeSize, treeSize)).firstHead;
      },
      size: async () => ((await services.registryLog.head()) ?? emptyHead()).treeSize,
      consistencyProof: async (first, second) => (await consistency(services, first, second)).proof,
      get publicKey() {
        return services.logSigner.publicJwk;
      },
    },
  };
}

/** One witness run (the scheduled function, the local stack's timer, the tests). */
export async function witnessRun(services: Needs) {
  const outcomes = await runWitness(witnessDependencies(services));
  if (outcomes.size > 0) services.log.info('witness run', { outcomes: Object.fromEntries(outcomes) });
  return outcomes;
}
