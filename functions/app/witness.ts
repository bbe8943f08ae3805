// The witnessing use cases bound to the services: the instance's own host from its public URL, its own
// log's heads and proofs from the registry log's read use cases (domain/federation/witnessing.ts and
// witness-reports.ts say what each does).
import type { WitnessReportDependencies } from '#domain/federation/witness-reports.ts';
import { runWitness, type WitnessDependencies } from '#domain/federation/witnessing.ts';
import { consistency } from '#domain/innovations/registry-log-use-cases.ts';
import { emptyHead } from '#domain/innovations/log-head.ts';
import { guardedFetch } from '#adapters/activitypub/guarded-fetch.ts';
import { createRemoteLogs } from '#adapters/activitypub/remote-logs.ts';
import type { RemoteLogs } from '#domain/federation/witnessing.ts';
import { signStatement } from '#domain/registry-log/witness.ts';
import type { StoreServices } from './store-services.ts';

type Needs = Pick<
  StoreServices,
  'config' | 'ledger' | 'witnessedLogs' | 'witnessReports' | 'remoteLogs' | 'logSigner' | 'registryLog' | 'now' | 'log'
>;

/** A head or a proof is a few kilobytes: a log that answers more, or slowly, is not witnessed that run. */
const remoteLogLimits = { maxBytes: 64 * 1024, timeoutMs: 5_000, maxRedirects: 3 };
const built = new WeakMap<object, RemoteLogs>();

/**
 * Other instances' logs over the guarded fetch: built here on first use, not with the store services,
 * so only the functions that witness or take reports carry the fetch (the others stay in their budget).
 */
function remoteLogsOf(services: Pick<Needs, 'config' | 'remoteLogs'>): RemoteLogs {
  if (services.remoteLogs) return services.remoteLogs;
  let remote = built.get(services.config);
  if (!remote) {
    const { config } = services;
    const loopback = config.FEDERATION_ALLOW_LOOPBACK === true;
    remote = createRemoteLogs({
      fetch: guardedFetch({ ...remoteLogLimits, allowLoopback: loopback }),
      ownHost: new URL(config.PUBLIC_URL).host,
      scheme: loopback && config.STAGE !== 'aws' ? 'http' : 'https',
    });
    built.set(config, remote);
  }
  return remote;
}

export const ownHost = (services: Pick<Needs, 'config'>) => new URL(services.config.PUBLIC_URL).host;

export function witnessDependencies(services: Needs): WitnessDependencies {
  // Picked one by one: the services object builds some of its members on first use (getters).
  return {
    config: services.config,
    ledger: services.ledger,
    witnessedLogs: services.witnessedLogs,
    remoteLogs: remoteLogsOf(services),
    logSigner: {
      signStatement: (statement) => services.logSigner.withPrivateKey((key) => signStatement(statement, key)),
    },
    ownHost: ownHost(services),
    now: () => services.now(),
    log: services.log,
  };
}

export function witnessReportDependencies(services: Needs): WitnessReportDependencies {
  return {
    witnessReports: services.witnessReports,
    remoteLogs: remoteLogsOf(services),
    ownHost: ownHost(services),
    now: services.now,
    log: services.log,
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
