// Reading the registry log: its signed head, entries, inclusion and consistency proofs, a record's
// entries checked against the head, and audits. Anyone may do all of it; nothing here writes, except
// `appendEvent`, which logs an event that has no other item to write with it.
//
// What a request reads is bounded whatever the log's size: a proof reads the O(log n) stored subtree
// hashes it needs in one batch (at 200,000 entries, 18 to 36 of them), a record's entries come a page at
// a time, and an audit from a request checks one window of at most 1,000 entries. Only
// `auditStore` (`npm run verify-log`, the tests) walks the whole log.
import { NotFoundError, ValidationError } from '../errors.ts';
import { registryWords } from '../i18n/records/registry-refusals.ts';
import type { PageRequest } from '../paging.ts';
import { retryOnConflict } from '../retry.ts';
import { fromBase64, type Hash, toBase64 } from '../registry-log/hashing.ts';
import { consistencyProof, inclusionProof, subtreeRoot } from '../registry-log/merkle-tree.ts';
import { frontierNodes, type NodeReader, withStoredNodes } from '../registry-log/stored-nodes.ts';
import type { Ed25519Key, SignedTreeHead } from '../registry-log/tree-head.ts';
import { verifyInclusion } from '../registry-log/verify-proofs.ts';
import { publishedRecord } from './adoption-use-cases.ts';
import { type AuditResult, auditLog, auditWindow, versionKey } from './audit-log.ts';
import { appendFor, type InnovationDependencies, type LogDependencies } from './dependencies.ts';
import type { InnovationVersion } from './innovation.ts';
import type { RegistryLogRepository } from './innovation-repository.ts';
import { type LogEvent, parseEvent } from './log-events.ts';
import { emptyHead, type LogHead } from './log-head.ts';

type ReadDependencies = Pick<InnovationDependencies, 'registryLog' | 'logSigner'>;

/** An audit window from a request: at most this many entries. */
export const auditWindowSize = 1000;

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

/** The store's subtree hashes as a node reader for proofs. */
function nodeReader(log: Pick<RegistryLogRepository, 'nodes'>): NodeReader {
  return async (nodes) => {
    const found = await log.nodes(nodes);
    const hashes = new Map<string, Hash>();
    for (const [id, text] of found) {
      const hash = fromBase64(text);
      if (hash?.length !== 32) throw new Error(`The stored subtree hash ${id} is malformed.`);
      hashes.set(id, hash);
    }
    return hashes;
  };
}

/** The signed head of size `treeSize`: each entry stores the head its append produced. */
async function headOfSize(deps: ReadDependencies, treeSize: number, current: LogHead): Promise<SignedTreeHead> {
  if (treeSize < 1 || treeSize > current.treeSize) {
    throw new ValidationError([
      { field: 'query.treeSize', ...registryWords({ key: 'size-range', values: { size: current.treeSize } }) },
    ]);
  }
  if (treeSize === current.treeSize) return publicHead(current);
  const entry = await deps.registryLog.entry(treeSize - 1);
  if (!entry) throw new NotFoundError('log entry', String(treeSize - 1));
  return entry.treeHead;
}

/** PATH(m, D[n]) for the entry at `leafIndex` in the tree of `treeSize` (default: the current size). */
export async function inclusion(deps: ReadDependencies, leafIndex: number, treeSize?: number) {
  const current = (await deps.registryLog.head()) ?? emptyHead();
  const size = treeSize ?? current.treeSize;
  if (leafIndex >= size) {
    throw new ValidationError([
      { field: 'query.leafIndex', ...registryWords({ key: 'leaf-below', values: { size } }) },
    ]);
  }
  const [treeHead, { proof, leaf }] = await Promise.all([
    headOfSize(deps, size, current),
    withStoredNodes(nodeReader(deps.registryLog), (getLeafHash, getNode) => ({
      proof: inclusionProof(leafIndex, size, getLeafHash, getNode),
      leaf: subtreeRoot(leafIndex, leafIndex + 1, getLeafHash, getNode),
    })),
  ]);
  return { leafIndex, treeSize: size, leafHash: toBase64(leaf), auditPath: proof.map(toBase64), treeHead };
}

/** PROOF(m, D[n]) between two sizes the log has had. */
export async function consistency(deps: ReadDependencies, firstSize: number, secondSize: number) {
  if (firstSize > secondSize) {
    throw new ValidationError([{ field: 'query.first', ...registryWords({ key: 'first-size', values: {} }) }]);
  }
  const current = (await deps.registryLog.head()) ?? emptyHead();
  const [firstHead, secondHead, proof] = await Promise.all([
    headOfSize(deps, firstSize, current),
    headOfSize(deps, secondSize, current),
    withStoredNodes(nodeReader(deps.registryLog), (getLeafHash, getNode) =>
      consistencyProof(firstSize, secondSize, getLeafHash, getNode),
    ),
  ]);
  return { first: firstSize, second: secondSize, proof: proof.map(toBase64), firstHead, secondHead };
}

/**
 * A page of a record's entries, each with its inclusion proof checked against the current signed head.
 * The head and the page are read at once, then the nodes every proof of the page needs in one batch
 * (shared nodes once): a page costs three round trips whatever the log's size.
 */
export async function recordLog(deps: ReadDependencies, innovationId: string, request: PageRequest) {
  const [stored, page] = await Promise.all([
    deps.registryLog.head(),
    deps.registryLog.entriesFor(innovationId, request),
  ]);
  const head = stored ?? emptyHead();
  // Entries appended after the head was read are left to the next look: the head cannot prove them.
  const entries = page.items.filter((entry) => entry.index < head.treeSize);
  const paths = await withStoredNodes(nodeReader(deps.registryLog), (getLeafHash, getNode) =>
    entries.map((entry) => inclusionProof(entry.index, head.treeSize, getLeafHash, getNode)),
  );
  const root = fromBase64(head.rootHash) ?? new Uint8Array();
  return {
    treeHead: publicHead(head),
    items: entries.map((entry, position) => {
      const auditPath = paths[position] ?? [];
      const included = verifyInclusion({
        leafIndex: entry.index,
        treeSize: head.treeSize,
        leafHash: fromBase64(entry.leafHash) ?? new Uint8Array(),
        proof: auditPath,
        rootHash: root,
      });
      return { entry, auditPath: auditPath.map(toBase64), included };
    }),
    ...(page.next ? { next: page.next } : {}),
    ...(page.previous ? { previous: page.previous } : {}),
  };
}

/** A published record's log page; a draft or no record is a 404, found while the page is read. */
export async function publishedRecordLog(
  deps: ReadDependencies & Pick<InnovationDependencies, 'innovations'>,
  innovationId: string,
  request: PageRequest,
) {
  const [, page] = await Promise.all([publishedRecord(deps, innovationId), recordLog(deps, innovationId, request)]);
  return page;
}

/**
 * Checks one window of the log, entries `start` to `start + 1000` (or the head), against the heads
 * signed as they were appended, with the published versions they recorded; anchored at `start` by the
 * stored subtree hashes and the head signed with entry `start - 1`. Bounded: a request may run it.
 */
export async function auditFrom(
  deps: Pick<InnovationDependencies, 'registryLog' | 'innovations'>,
  publicKey: Ed25519Key,
  start: number,
) {
  const head = (await deps.registryLog.head()) ?? emptyHead();
  if (start > head.treeSize) {
    throw new ValidationError([
      { field: 'query.from', ...registryWords({ key: 'from-most', values: { size: head.treeSize } }) },
    ]);
  }
  const end = Math.min(head.treeSize, start + auditWindowSize);
  const [entries, frontier, anchor] = await Promise.all([
    deps.registryLog.entries(start, end),
    withStoredNodes(nodeReader(deps.registryLog), (getLeafHash, getNode) =>
      frontierNodes(start).map((node) => subtreeRoot(node.start, node.start + node.size, getLeafHash, getNode)),
    ),
    start > 0 ? deps.registryLog.entry(start - 1) : Promise.resolve(null),
  ]);
  const published = entries.flatMap((entry) => {
    const event = parseEvent(entry.data);
    return event?.kind === 'publish' ? [{ innovationId: event.innovationId, version: event.version }] : [];
  });
  const versions = new Map(
    (await deps.innovations.getVersions(published)).map((version) => [versionKey(version), version]),
  );
  const result = auditWindow({
    start,
    entries,
    frontier,
    anchor: anchor?.treeHead ?? null,
    head: publicHead(head),
    publicKey,
    versions,
  });
  return { result, treeHead: publicHead(head), start, end };
}

/**
 * Every entry and the current head, checked end to end against `publicKey`, published versions
 * included. A job (`npm run verify-log`, tests): it reads the whole log, a window at a time.
 */
export async function auditStore(
  deps: Pick<InnovationDependencies, 'registryLog' | 'innovations'>,
  publicKey: Ed25519Key,
): Promise<{ result: AuditResult; treeHead: SignedTreeHead }> {
  const head = (await deps.registryLog.head()) ?? emptyHead();
  // Entries past the head's size may be there (a write between the two reads); the head covers a prefix.
  const entries = [];
  for (let start = 0; start < head.treeSize; start += auditWindowSize) {
    entries.push(...(await deps.registryLog.entries(start, Math.min(head.treeSize, start + auditWindowSize))));
  }
  const versions = new Map<string, InnovationVersion>();
  const published = entries.flatMap((entry) => {
    const event = parseEvent(entry.data);
    return event?.kind === 'publish' ? [{ innovationId: event.innovationId, version: event.version }] : [];
  });
  for (let start = 0; start < published.length; start += auditWindowSize) {
    for (const version of await deps.innovations.getVersions(published.slice(start, start + auditWindowSize))) {
      versions.set(versionKey(version), version);
    }
  }
  return { result: auditLog(entries, publicHead(head), publicKey, versions), treeHead: publicHead(head) };
}
