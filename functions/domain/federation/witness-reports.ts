// What other instances say about this instance's registry log: cosignatures of its heads, and forks they
// saw. Anyone may send one (POST /api/registry-log/cosignatures), so each is checked before it is kept:
// the witness's signature against the key its own instance publishes (GET /api/registry-log/head there),
// a cosignature against this log's own head of that size, a fork against this log's key (both heads
// must be signed with it and conflict, and this log's own consistency proof must not refute it). Only
// then is it kept, one per witness and size (cosignatures) or per witness (forks), so a witness cannot
// fill the table. Pure, over its ports.
import * as z from 'zod/mini';
import { ValidationError } from '../errors.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { Ed25519Key, SignedTreeHead } from '../registry-log/tree-head.ts';
import {
  type ForkReason,
  forkStands,
  judgeHead,
  verifyStatement,
  type WitnessStatement,
} from '../registry-log/witness.ts';
import { instanceHostSchema } from './instance-block.ts';
import { RemoteLogError, type RemoteLogs } from './witnessing.ts';

export interface ReceivedCosignature {
  witness: string;
  treeSize: number;
  rootHash: string;
  time: number;
  signature: string;
  receivedAt: string;
}

export interface ReceivedFork {
  witness: string;
  reason: ForkReason;
  seen: SignedTreeHead;
  served: SignedTreeHead;
  time: number;
  signature: string;
  receivedAt: string;
}

export interface WitnessReportRepository {
  /** Keeps a witness's cosignature of one size, replacing its earlier one of that size. */
  putCosignature(cosignature: ReceivedCosignature): Promise<void>;
  /** The cosignatures of the head of `treeSize`, by witness, a page at a time. */
  cosignatures(treeSize: number, request: PageRequest): Promise<Page<ReceivedCosignature>>;
  /** Keeps a witness's fork report, replacing its earlier one. */
  putFork(fork: ReceivedFork): Promise<void>;
  forks(request: PageRequest): Promise<Page<ReceivedFork>>;
}

/** This log's own heads and proofs, as its read use cases serve them. */
export interface OwnLog {
  /** The signed head of `treeSize`, or null when the log has never had that size. */
  headOfSize(treeSize: number): Promise<SignedTreeHead | null>;
  size(): Promise<number>;
  consistencyProof(first: number, second: number): Promise<string[]>;
  publicKey: Ed25519Key;
}

export interface WitnessReportDependencies {
  witnessReports: WitnessReportRepository;
  remoteLogs: Pick<RemoteLogs, 'head'>;
  ownLog: OwnLog;
  ownHost: string;
  now: () => Date;
  log?: { warn(message: string, details?: Record<string, unknown>): void } | undefined;
}

/** The warn line a checked fork report about this log is logged with: it raises the same alarm as a fork seen. */
export const forkReportedLogLine = 'registry-log fork reported';

const base64 = (bytes: number, field: string) =>
  z
    .string()
    .check(
      z.maxLength(Math.ceil(bytes / 3) * 4, `Give the ${field} in standard base64.`),
      z.regex(/^[A-Za-z0-9+/]*={0,2}$/, `Give the ${field} in standard base64.`),
    );
const wholeNumber = () => z.number().check(z.int(), z.nonnegative());
const signedHead = () =>
  z.strictObject({
    treeSize: wholeNumber(),
    rootHash: base64(32, 'root hash'),
    timestamp: wholeNumber(),
    signature: base64(64, 'signature'),
  });

export const witnessReportSchema = () =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('cosignature'),
      witness: instanceHostSchema(),
      treeSize: wholeNumber(),
      rootHash: base64(32, 'root hash'),
      time: wholeNumber(),
      signature: base64(64, 'signature'),
    }),
    z.strictObject({
      kind: z.literal('fork'),
      witness: instanceHostSchema(),
      seen: signedHead(),
      served: signedHead(),
      time: wholeNumber(),
      signature: base64(64, 'signature'),
    }),
  ]);
export type WitnessReport = z.infer<ReturnType<typeof witnessReportSchema>>;

/** The statement a report's signature covers: about this log, whose origin is this instance's host. */
export function statementOf(report: WitnessReport, origin: string): WitnessStatement {
  return report.kind === 'cosignature'
    ? {
        kind: 'cosignature',
        origin,
        head: { treeSize: report.treeSize, rootHash: report.rootHash },
        time: report.time,
      }
    : { kind: 'fork', origin, seen: report.seen, served: report.served, time: report.time };
}

const refused = (field: string, message: string) => new ValidationError([{ field, message }]);

/** Checks a witness's report about this log and keeps it; refuses (422, naming the field) what does not hold. */
export async function receiveWitnessReport(deps: WitnessReportDependencies, report: WitnessReport) {
  if (report.witness === deps.ownHost) throw refused('body.witness', 'An instance does not witness its own log.');
  let witnessKey: Ed25519Key;
  try {
    witnessKey = (await deps.remoteLogs.head(report.witness)).publicKey;
  } catch (error) {
    if (!(error instanceof RemoteLogError)) throw error;
    throw refused('body.witness', `The witness’s key could not be read at ${report.witness}: ${error.message}.`);
  }
  if (!verifyStatement(statementOf(report, deps.ownHost), report.signature, witnessKey)) {
    throw refused('body.signature', `The signature is not ${report.witness}’s over this statement.`);
  }
  const receivedAt = deps.now().toISOString();

  if (report.kind === 'cosignature') {
    const own = report.treeSize > 0 ? await deps.ownLog.headOfSize(report.treeSize) : null;
    if (!own || own.rootHash !== report.rootHash) {
      throw refused('body.rootHash', `This log never had that root at size ${report.treeSize}.`);
    }
    const kept: ReceivedCosignature = {
      witness: report.witness,
      treeSize: report.treeSize,
      rootHash: report.rootHash,
      time: report.time,
      signature: report.signature,
      receivedAt,
    };
    await deps.witnessReports.putCosignature(kept);
    return { kind: 'cosignature' as const, ...kept };
  }

  const { seen, served } = report;
  const size = await deps.ownLog.size();
  // The log's own proof between the two sizes, where it has both: a report it refutes is not kept.
  const proof =
    seen.treeSize > 0 && seen.treeSize < served.treeSize && served.treeSize <= size
      ? await deps.ownLog.consistencyProof(seen.treeSize, served.treeSize)
      : [];
  if (!forkStands({ seen, served }, deps.ownLog.publicKey, proof)) {
    throw refused('body.served', 'These two heads are not both this log’s, or they do not conflict.');
  }
  const judged = judgeHead({ pinnedKey: deps.ownLog.publicKey, last: seen, served, proof });
  const reason: ForkReason = judged.outcome === 'fork' ? judged.reason : 'inconsistent';
  const kept: ReceivedFork = {
    witness: report.witness,
    reason,
    seen,
    served,
    time: report.time,
    signature: report.signature,
    receivedAt,
  };
  await deps.witnessReports.putFork(kept);
  // The alarm: this log's own key signed two heads that conflict (infra/ counts this line).
  deps.log?.warn(forkReportedLogLine, { witness: report.witness, reason, size: served.treeSize });
  return { kind: 'fork' as const, ...kept };
}

/** The report a witness at `witness` sends about a log: the statement's fields and its signature. */
export function reportOf(statement: WitnessStatement, signature: string, witness: string): WitnessReport {
  return statement.kind === 'cosignature'
    ? {
        kind: 'cosignature',
        witness,
        treeSize: statement.head.treeSize,
        rootHash: statement.head.rootHash,
        time: statement.time,
        signature,
      }
    : { kind: 'fork', witness, seen: statement.seen, served: statement.served, time: statement.time, signature };
}
