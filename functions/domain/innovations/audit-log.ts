// Auditing the stored registry log end to end, and saying where it breaks.
//
// Steps:
// 1. Check the current head with the domain's verifyLog: its signature, its size against the entries,
//    every leaf hash against its entry's bytes, and the root. A changed entry whose hash was left alone
//    is named here (leaf-mismatch at its index).
// 2. Walk the entries in order, rebuilding the root after each, and compare it with the head signed
//    when that entry was appended. An entry rewritten together with its leaf hash passes step 1's leaf
//    check, but the first signed head after it no longer matches: that index is where history changed.
// 3. Check published versions still hash to what their publish entries recorded.
//
// A request never walks the whole log: `auditWindow` checks up to a thousand entries from any index,
// starting from the frontier the stored subtree hashes give for that index, anchored to the head signed
// when the entry before the window was appended (so stored nodes cannot vouch for themselves). Windows
// one after another check the whole log; `npm run verify-log` does it in one go.
import { auditProblemIn } from '../i18n/records/audit-sentences.ts';
import { type Hash, fromBase64, hashesEqual, leafHash, toBase64 } from '../registry-log/hashing.ts';
import { type Ed25519Key, type SignedTreeHead, verifyTreeHead } from '../registry-log/tree-head.ts';
import { verifyLog } from '../registry-log/verify-log.ts';
import type { InnovationVersion } from './innovation.ts';
import { contentHash, parseEvent } from './log-events.ts';
import { appendLeaf, rootOfFrontier, type StoredLogEntry } from './log-head.ts';

export type AuditProblem =
  | { problem: 'bad-signature'; index?: number }
  | { problem: 'size-mismatch'; expected: number; actual: number }
  | { problem: 'missing-entry'; index: number }
  | { problem: 'leaf-mismatch'; index: number }
  | { problem: 'history-rewritten'; index: number }
  | { problem: 'root-mismatch'; expected: string; actual: string }
  | { problem: 'version-mismatch'; index: number; innovationId: string; version: number }
  | { problem: 'node-mismatch'; index: number }
  | { problem: 'anchor-mismatch'; index: number };

export type AuditResult = { ok: true; treeSize: number; rootHash: string } | ({ ok: false } & AuditProblem);

/** The audit's finding in English (`npm run verify-log`); the registry log page says it in the reader's language. */
export function describeAudit(result: AuditResult): string {
  if (result.ok) return `The log verifies: ${result.treeSize} entries, root ${result.rootHash}.`;
  return auditProblemIn(result, 'en');
}

export function auditLog(
  entries: readonly StoredLogEntry[],
  head: SignedTreeHead,
  publicKey: Ed25519Key,
  versions: ReadonlyMap<string, InnovationVersion> = new Map(),
): AuditResult {
  if (head.treeSize === 0 && entries.length === 0) return { ok: true, treeSize: 0, rootHash: head.rootHash };
  const missing = entries.findIndex((entry, position) => entry.index !== position);
  if (missing >= 0) return { ok: false, problem: 'missing-entry', index: missing };

  const decoded = entries.map((entry) => ({
    data: new TextEncoder().encode(entry.data),
    leafHash: fromBase64(entry.leafHash) ?? new Uint8Array(),
  }));
  const overall = verifyLog(decoded, head, publicKey);
  if (!overall.ok && overall.problem !== 'root-mismatch') return overall;

  const walked = walk(entries, 0, [], publicKey);
  if ('problem' in walked) return { ok: false, ...walked };
  if (!overall.ok) return overall;
  const changed = changedVersion(entries, versions);
  if (changed) return { ok: false, ...changed };
  return { ok: true, treeSize: head.treeSize, rootHash: head.rootHash };
}

/**
 * Appends `entries` (indexes `start` on) to `frontier`, checking each against the head signed when it
 * was appended; with `checkStored`, also its leaf hash and the subtree hashes it stores.
 */
function walk(
  entries: readonly StoredLogEntry[],
  start: number,
  startFrontier: readonly Hash[],
  publicKey: Ed25519Key,
  checkStored = false,
): { frontier: Hash[] } | AuditProblem {
  let frontier = [...startFrontier];
  for (const [position, entry] of entries.entries()) {
    const index = start + position;
    if (entry.index !== index) return { problem: 'missing-entry', index };
    const leaf = leafHash(new TextEncoder().encode(entry.data));
    if (checkStored && !hashesEqual(leaf, fromBase64(entry.leafHash) ?? new Uint8Array())) {
      return { problem: 'leaf-mismatch', index };
    }
    const appended = appendLeaf(frontier, index, leaf);
    frontier = appended.frontier;
    const signed = entry.treeHead;
    if (!verifyTreeHead(signed, publicKey)) return { problem: 'bad-signature', index };
    if (signed.treeSize !== index + 1 || signed.rootHash !== toBase64(rootOfFrontier(frontier))) {
      return { problem: 'history-rewritten', index };
    }
    const stored = entry.subtrees;
    if (checkStored && stored && stored.join() !== appended.completed.map(toBase64).join()) {
      return { problem: 'node-mismatch', index };
    }
  }
  return { frontier };
}

/** The first publish entry whose version no longer hashes to what it recorded. */
function changedVersion(
  entries: readonly StoredLogEntry[],
  versions: ReadonlyMap<string, InnovationVersion>,
): AuditProblem | undefined {
  for (const entry of entries) {
    const event = parseEvent(entry.data);
    if (event?.kind !== 'publish') continue;
    const version = versions.get(`${event.innovationId}#${event.version}`);
    if (version && contentHash(version) !== event.contentHash) {
      return {
        problem: 'version-mismatch',
        index: entry.index,
        innovationId: event.innovationId,
        version: event.version,
      };
    }
  }
  return undefined;
}

export type WindowAudit = { ok: true; start: number; end: number; rootHash: string } | ({ ok: false } & AuditProblem);

/**
 * Checks the entries of one window, `entries` from index `start`, on top of `frontier` (the frontier of
 * the first `start` entries, as the stored nodes give it). It must rebuild `anchor`, the head signed
 * when entry `start - 1` was appended; each entry must then rebuild the head signed with it, store the
 * leaf and subtree hashes it completes, and a window that reaches `head` must end at its root.
 */
export function auditWindow(window: {
  start: number;
  entries: readonly StoredLogEntry[];
  frontier: readonly Hash[];
  anchor: SignedTreeHead | null;
  head: SignedTreeHead;
  publicKey: Ed25519Key;
  versions?: ReadonlyMap<string, InnovationVersion>;
}): WindowAudit {
  const { start, entries, frontier, anchor, head, publicKey } = window;
  if (start > 0) {
    const anchored =
      anchor !== null &&
      verifyTreeHead(anchor, publicKey) &&
      anchor.treeSize === start &&
      anchor.rootHash === toBase64(rootOfFrontier(frontier));
    if (!anchored) return { ok: false, problem: 'anchor-mismatch', index: start - 1 };
  }
  const walked = walk(entries, start, frontier, publicKey, true);
  if ('problem' in walked) return { ok: false, ...walked };
  const end = start + entries.length;
  const rootHash = toBase64(rootOfFrontier(walked.frontier));
  if (end === head.treeSize && head.treeSize > 0) {
    if (!verifyTreeHead(head, publicKey)) return { ok: false, problem: 'bad-signature' };
    if (rootHash !== head.rootHash)
      return { ok: false, problem: 'root-mismatch', expected: head.rootHash, actual: rootHash };
  }
  const changed = changedVersion(entries, window.versions ?? new Map());
  if (changed) return { ok: false, ...changed };
  return { ok: true, start, end, rootHash };
}

export const versionKey = (version: Pick<InnovationVersion, 'innovationId' | 'version'>) =>
  `${version.innovationId}#${version.version}`;
