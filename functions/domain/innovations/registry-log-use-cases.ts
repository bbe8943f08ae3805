// Reading the registry log: its signed head, entries, inclusion and consistency proofs, a record's
// entries checked against the head, and a full audit. Anyone may do all of it; nothing here writes,
// except `appendEvent`, which logs an event that has no other item to write with it.
import { NotFoundError, ValidationError } from '../errors.ts';
import { consistencyProof, inclusionProof } from '../registry-log/merkle-tree.ts';
import { fromBase64, type Hash, toBase64 } from '../registry-log/hashing.ts';
import type { Ed25519Key, SignedTreeHead } from '../registry-log/tree-head.ts';
import { verifyInclusion } from '../registry-log/verify-proofs.ts';
import { type AuditResult, auditLog, versionKey } from './audit-log.ts';
import { appendFor, type InnovationDependencies, type LogDependencies } from './dependencies.ts';
import { retryOnConflict } from '../retry.ts';
import type { InnovationVersion } from './innovation.ts';
import type { LogEvent } from './log-events.ts';
import { emptyHead, type LogHead } from './log-head.ts';

type ReadDependencies = Pick<InnovationDependencies, 'registryLog' | 'logSigner'>;

/** The head as published: without the frontier, which is the log's own bookkeeping. */
export function publicHead(head: LogHead): SignedTreeHead {
  const { frontier: _frontier, ...signed } = head;
  return signed;
}

export async function signedHead(deps: ReadDependencies) {
  const head = (await deps.registryLog.head()) ?? emptyHead();
  return { treeHead: publicHead(head), publicKey: deps.logSigner.publicJwk };
}

/** Appends an event on its own, retrying until it takes an index of its own. */
export async function appendEvent(deps: LogDependencies, event: LogEvent) {
  return retryOnConflict(async () => {
    const log = await appendFor(deps, event);
    await deps.registryLog.append(log);
    return log.entry;
  });
}

function decode(hashes: string[]): Hash[] {
  return hashes.map((text, index) => {
    const hash = fromBase64(text);
    if (!hash) throw new Error(`The stored leaf hash at index ${index} is malformed.`);
    return hash;
  });
}

/** The signed head of size `treeSize`: each entry stores the head its append produced. */
async function headOfSize(deps: ReadDependencies, treeSize: number): Promise<SignedTreeHead> {
  const current = (await deps.registryLog.head()) ?? emptyHead();
  if (treeSize < 1 || treeSize > current.treeSize) {
    throw new ValidationError([
      { field: 'query.treeSize', message: `must be from 1 to the log's size, ${current.treeSize}` },
    ]);
  }
  if (treeSize === current.treeSize) return publicHead(current);
  const entry = await deps.registryLog.entry(treeSize - 1);
  if (!entry) throw new NotFoundError('log entry', String(treeSize - 1));
  return entry.treeHead;
}

/** PATH(m, D[n]) for the entry at `leafIndex` in the tree of `treeSize` (default: the current size). */
export async function inclusion(deps: ReadDependencies, leafIndex: number, treeSize?: number) {
  const size = treeSize ?? (await deps.registryLog.head())?.treeSize ?? 0;
  if (leafIndex >= size) {
    throw new ValidationError([{ field: 'query.leafIndex', message: `must be below the tree size, ${size}` }]);
  }
  const treeHead = await headOfSize(deps, size);
  const leaves = decode(await deps.registryLog.leafHashes(size));
  const proof = inclusionProof(leafIndex, size, (index) => leaves[index] as Hash);
  return {
    leafIndex,
    treeSize: size,
    leafHash: toBase64(leaves[leafIndex] as Hash),
    auditPath: proof.map(toBase64),
    treeHead,
  };
}

/** PROOF(m, D[n]) between two sizes the log has had. */
export async function consistency(deps: ReadDependencies, firstSize: number, secondSize: number) {
  if (firstSize > secondSize) {
    throw new ValidationError([{ field: 'query.first', message: 'must not be larger than second' }]);
  }
  const [firstHead, secondHead] = await Promise.all([headOfSize(deps, firstSize), headOfSize(deps, secondSize)]);
  const leaves = decode(await deps.registryLog.leafHashes(secondSize));
  const proof = consistencyProof(firstSize, secondSize, (index) => leaves[index] as Hash);
  return { first: firstSize, second: secondSize, proof: proof.map(toBase64), firstHead, secondHead };
}

/** A record's entries, each with the inclusion proof checked against the current signed head. */
export async function recordLog(deps: ReadDependencies, innovationId: string) {
  const head = (await deps.registryLog.head()) ?? emptyHead();
  const entries = await deps.registryLog.entriesFor(innovationId);
  if (entries.length === 0) return { treeHead: publicHead(head), entries: [] };
  const leaves = decode(await deps.registryLog.leafHashes(head.treeSize));
  const root = fromBase64(head.rootHash) ?? new Uint8Array();
  return {
    treeHead: publicHead(head),
    entries: entries.map((entry) => {
      const auditPath = inclusionProof(entry.index, head.treeSize, (index) => leaves[index] as Hash);
      const included = verifyInclusion({
        leafIndex: entry.index,
        treeSize: head.treeSize,
        leafHash: fromBase64(entry.leafHash) ?? new Uint8Array(),
        proof: auditPath,
        rootHash: root,
      });
      return { entry, auditPath: auditPath.map(toBase64), included };
    }),
  };
}

/** Every entry and the current head, checked end to end against `publicKey`, published versions included. */
export async function auditStore(
  deps: Pick<InnovationDependencies, 'registryLog' | 'innovations'>,
  publicKey: Ed25519Key,
): Promise<{ result: AuditResult; treeHead: SignedTreeHead }> {
  const head = (await deps.registryLog.head()) ?? emptyHead();
  // Entries past the head's size may be there (a write between the two reads); the head covers a prefix.
  const entries = await deps.registryLog.entries(0, head.treeSize);
  const versions = new Map<string, InnovationVersion>();
  for (const record of await deps.innovations.listPublished()) {
    for (const version of await deps.innovations.listVersions(record.id)) {
      if (version.status === 'published') versions.set(versionKey(version), version);
    }
  }
  return { result: auditLog(entries, publicHead(head), publicKey, versions), treeHead: publicHead(head) };
}
