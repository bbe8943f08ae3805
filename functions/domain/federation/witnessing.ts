// Witnessing other instances' registry logs (issue 20). The stewards choose the logs; adding one fetches
// its signed head and pins the public key served with it (trust on first use: a later key change is never
// followed, so a log that rotates its key must be removed and added again by a steward). A witness run
// fetches each log's head and the consistency proof from the last head seen, judges it
// (registry-log/witness.ts), and keeps either the new head with this instance's cosignature, or the fork
// evidence with this instance's signed fork statement; either statement is also sent to the log itself,
// so the witnessed instance shows what its witnesses saw. Pure, over its ports.
import type { JsonWebKey } from 'node:crypto';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import { federationWords } from '../i18n/records/federation-refusals.ts';
import type { Identity } from '../identity.ts';
import { type StewardRemoval, stewardsNow } from '../ledger/stewards.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { SignedTreeHead } from '../registry-log/tree-head.ts';
import { type ForkReason, judgeHead, type WitnessStatement } from '../registry-log/witness.ts';

/** The last word this instance signed about a witnessed log. */
export interface Cosignature {
  treeSize: number;
  rootHash: string;
  /** Seconds since the Unix epoch, as signed. */
  time: number;
  signature: string;
}

export interface ForkEvidence {
  reason: ForkReason;
  seen: SignedTreeHead;
  served: SignedTreeHead;
  time: number;
  /** This instance's signature over the fork statement (witness.ts). */
  signature: string;
}

export interface WitnessedLog {
  host: string;
  /** The log's Ed25519 public key, pinned when the log was added. */
  publicKey: JsonWebKey;
  addedBy: string;
  addedAt: string;
  /** The last head accepted; absent until the first run that reaches the log. */
  lastHead?: SignedTreeHead | undefined;
  cosignature?: Cosignature | undefined;
  /** Once a fork is seen the log is no longer advanced: the evidence stands until a steward acts. */
  fork?: ForkEvidence | undefined;
  checkedAt?: string | undefined;
  /** Why the last run could not advance (a bad signature, an unreachable log); cleared by the next good run. */
  problem?: string | undefined;
}

export interface WitnessedLogRepository {
  /** Adds the log unless it is already witnessed; returns the one kept (its key stays pinned). */
  add(log: WitnessedLog): Promise<WitnessedLog>;
  get(host: string): Promise<WitnessedLog | null>;
  /** False when the log was not witnessed. */
  remove(host: string): Promise<boolean>;
  page(request: PageRequest): Promise<Page<WitnessedLog>>;
  /**
   * Writes a run's result over the log, only while its last head still has `expectedSize` (0: none) and
   * it is still witnessed: two runs cannot both move it. False when the condition failed.
   */
  record(log: WitnessedLog, expectedSize: number): Promise<boolean>;
}

/** Another instance's registry log, over the network. Every answer is untrusted. */
export interface RemoteLogs {
  head(host: string): Promise<{ treeHead: SignedTreeHead; publicKey: JsonWebKey }>;
  /** The consistency proof between two sizes, standard base64 each. */
  consistency(host: string, first: number, second: number): Promise<string[]>;
  /** Hands a statement about its log to the instance at `host` (POST /api/registry-log/cosignatures). */
  deliver(host: string, statement: WitnessStatement, signature: string): Promise<void>;
}

/** A remote log that could not be read: unreachable, too slow, too big, or not a registry log. */
export class RemoteLogError extends Error {
  override name = 'RemoteLogError';
}

export interface WitnessDependencies {
  config: { STEWARDS: readonly string[] };
  ledger: { stewardRemovals(): Promise<Pick<StewardRemoval, 'personId'>[]> };
  witnessedLogs: WitnessedLogRepository;
  remoteLogs: RemoteLogs;
  /** Signs statements with this instance's own log key. */
  logSigner: { signStatement(statement: WitnessStatement): string };
  /** This instance's own host: it does not witness itself. */
  ownHost: string;
  now: () => Date;
  log?: { warn(message: string, details?: Record<string, unknown>): void };
}

async function requireSteward(deps: WitnessDependencies, identity: Identity): Promise<void> {
  if (!stewardsNow(deps.config.STEWARDS, await deps.ledger.stewardRemovals()).includes(identity.personId)) {
    const { message, wordsIn } = federationWords({ key: 'stewards-only', values: { act: 'witness' } });
    throw new ForbiddenError(message, { wordsIn });
  }
}

/** Starts witnessing the log at `host`, pinning the key it serves now. Adding it again changes nothing. */
export async function witnessLog(deps: WitnessDependencies, identity: Identity, host: string): Promise<WitnessedLog> {
  await requireSteward(deps, identity);
  if (host === deps.ownHost) {
    const { message, wordsIn } = federationWords({ key: 'not-own-log', values: {} });
    throw new RuleViolationError('not-own-log', message, { wordsIn });
  }
  const existing = await deps.witnessedLogs.get(host);
  if (existing) return existing;
  let served: Awaited<ReturnType<RemoteLogs['head']>>;
  try {
    served = await deps.remoteLogs.head(host);
  } catch (error) {
    if (!(error instanceof RemoteLogError)) throw error;
    throw new ValidationError([
      { field: 'path.host', ...federationWords({ key: 'log-unreadable', values: { host, why: error.message } }) },
    ]);
  }
  return deps.witnessedLogs.add({
    host,
    publicKey: served.publicKey,
    addedBy: identity.personId,
    addedAt: deps.now().toISOString(),
  });
}

export async function unwitnessLog(deps: WitnessDependencies, identity: Identity, host: string) {
  await requireSteward(deps, identity);
  if (!(await deps.witnessedLogs.remove(host))) throw new NotFoundError('witnessed log', host);
  return { host };
}

/** The warn line a fork is logged with: the federation stack's metric filter counts it and alarms (infra/). */
export const forkLogLine = 'registry-log fork';

export type RunOutcome = 'advanced' | 'unchanged' | 'forked' | 'bad-signature' | 'stale' | 'unreachable' | 'raced';

/** Logs looked at in one run at most; the rest wait for the next (the run is bounded). */
export const logsPerRun = 100;

/**
 * One witness run over the witnessed logs, a page at a time, at most `limit` logs. Returns what each
 * log came to, by host. A log already forked is left as it is. One log's failure never stops the run.
 */
export async function runWitness(deps: WitnessDependencies, limit = logsPerRun) {
  const outcomes = new Map<string, RunOutcome>();
  let cursor: string | undefined;
  do {
    const page = await deps.witnessedLogs.page({ limit: Math.min(25, limit - outcomes.size), cursor });
    for (const log of page.items) {
      if (log.fork) continue;
      outcomes.set(log.host, await witnessOne(deps, log));
    }
    cursor = page.next;
  } while (cursor && outcomes.size < limit);
  return outcomes;
}

async function witnessOne(deps: WitnessDependencies, log: WitnessedLog): Promise<RunOutcome> {
  const now = deps.now();
  const time = Math.floor(now.getTime() / 1000);
  const lastSize = log.lastHead?.treeSize ?? 0;
  let served: SignedTreeHead;
  let proof: string[] = [];
  try {
    served = (await deps.remoteLogs.head(log.host)).treeHead;
    if (lastSize > 0 && served.treeSize > lastSize) {
      proof = await deps.remoteLogs.consistency(log.host, lastSize, served.treeSize);
    }
  } catch (error) {
    if (!(error instanceof RemoteLogError)) throw error;
    const kept = await deps.witnessedLogs.record(
      { ...log, checkedAt: now.toISOString(), problem: `unreachable: ${error.message}` },
      lastSize,
    );
    return kept ? 'unreachable' : 'raced';
  }

  const judged = judgeHead({ pinnedKey: log.publicKey, last: log.lastHead, served, proof });
  const checkedAt = now.toISOString();
  switch (judged.outcome) {
    case 'bad-signature':
    case 'stale': {
      const problem =
        judged.outcome === 'stale'
          ? `served an older head (size ${served.treeSize})`
          : 'served a head not signed by its pinned key';
      const kept = await deps.witnessedLogs.record({ ...log, checkedAt, problem }, lastSize);
      return kept ? judged.outcome : 'raced';
    }
    case 'advance': {
      const head = judged.head;
      if (head.treeSize === 0) {
        const kept = await deps.witnessedLogs.record({ ...log, checkedAt, problem: undefined }, lastSize);
        return kept ? 'unchanged' : 'raced';
      }
      const statement: WitnessStatement = {
        kind: 'cosignature',
        origin: log.host,
        head: { treeSize: head.treeSize, rootHash: head.rootHash },
        time,
      };
      const signature = deps.logSigner.signStatement(statement);
      const unchanged = log.lastHead?.treeSize === head.treeSize;
      const kept = await deps.witnessedLogs.record(
        {
          ...log,
          lastHead: head,
          cosignature: { treeSize: head.treeSize, rootHash: head.rootHash, time, signature },
          checkedAt,
          problem: undefined,
        },
        lastSize,
      );
      if (!kept) return 'raced';
      await deliverQuietly(deps, log.host, statement, signature);
      return unchanged ? 'unchanged' : 'advanced';
    }
    case 'fork': {
      const statement: WitnessStatement = {
        kind: 'fork',
        origin: log.host,
        seen: judged.seen,
        served: judged.served,
        time,
      };
      const signature = deps.logSigner.signStatement(statement);
      const fork = { reason: judged.reason, seen: judged.seen, served: judged.served, time, signature };
      const kept = await deps.witnessedLogs.record({ ...log, fork, checkedAt, problem: undefined }, lastSize);
      if (!kept) return 'raced';
      // The alarm: a metric filter in AWS matches this line (infra/), and the log page shows the fork.
      deps.log?.warn(forkLogLine, {
        host: log.host,
        reason: judged.reason,
        seenSize: judged.seen.treeSize,
        servedSize: judged.served.treeSize,
      });
      await deliverQuietly(deps, log.host, statement, signature);
      return 'forked';
    }
  }
}

/** Sending the statement is a courtesy to the log: it is kept here either way, and sent again next run. */
async function deliverQuietly(deps: WitnessDependencies, host: string, statement: WitnessStatement, signature: string) {
  try {
    await deps.remoteLogs.deliver(host, statement, signature);
  } catch (error) {
    if (!(error instanceof RemoteLogError)) throw error;
    deps.log?.warn('witness statement not delivered', { host, kind: statement.kind, error: error.message });
  }
}
