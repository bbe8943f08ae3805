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
import { fromBase64, leafHash, toBase64 } from '../registry-log/hashing.ts';
import { type Ed25519Key, type SignedTreeHead, verifyTreeHead } from '../registry-log/tree-head.ts';
import { verifyLog } from '../registry-log/verify-log.ts';
import type { InnovationVersion } from './innovation.ts';
import { contentHash, parseEvent } from './log-events.ts';
import { appendToFrontier, rootOfFrontier, type StoredLogEntry } from './log-head.ts';

export type AuditProblem =
  | { problem: 'bad-signature'; index?: number }
  | { problem: 'size-mismatch'; expected: number; actual: number }
  | { problem: 'missing-entry'; index: number }
  | { problem: 'leaf-mismatch'; index: number }
  | { problem: 'history-rewritten'; index: number }
  | { problem: 'root-mismatch'; expected: string; actual: string }
  | { problem: 'version-mismatch'; index: number; innovationId: string; version: number };

export type AuditResult = { ok: true; treeSize: number; rootHash: string } | ({ ok: false } & AuditProblem);

export function describeAudit(result: AuditResult): string {
  if (result.ok) return `The log verifies: ${result.treeSize} entries, root ${result.rootHash}.`;
  switch (result.problem) {
    case 'bad-signature':
      return result.index === undefined
        ? 'The tree head is not signed by the instance key.'
        : `The tree head stored with entry ${result.index} is not signed by the instance key.`;
    case 'size-mismatch':
      return `The signed head covers ${result.expected} entries but the store holds ${result.actual}.`;
    case 'missing-entry':
      return `Entry ${result.index} is missing from the store.`;
    case 'leaf-mismatch':
      return `Entry ${result.index} was changed after it was logged: its bytes no longer match its leaf hash.`;
    case 'history-rewritten':
      return `Entry ${result.index} was rewritten: the root after it no longer matches the head signed when it was appended.`;
    case 'root-mismatch':
      return `The entries rebuild root ${result.actual}, not the signed root ${result.expected}.`;
    case 'version-mismatch':
      return `Version ${result.version} of record ${result.innovationId} differs from what entry ${result.index} recorded when it was published.`;
  }
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

  let frontier: Uint8Array[] = [];
  for (const [index, entry] of entries.entries()) {
    frontier = appendToFrontier(frontier, index, leafHash(decoded[index]?.data ?? new Uint8Array()));
    const signed = entry.treeHead;
    if (!verifyTreeHead(signed, publicKey)) return { ok: false, problem: 'bad-signature', index };
    if (signed.treeSize !== index + 1 || signed.rootHash !== toBase64(rootOfFrontier(frontier))) {
      return { ok: false, problem: 'history-rewritten', index };
    }
  }
  if (!overall.ok) return overall;

  for (const entry of entries) {
    const event = parseEvent(entry.data);
    if (event?.kind !== 'publish') continue;
    const version = versions.get(`${event.innovationId}#${event.version}`);
    if (version && contentHash(version) !== event.contentHash) {
      return {
        ok: false,
        problem: 'version-mismatch',
        index: entry.index,
        innovationId: event.innovationId,
        version: event.version,
      };
    }
  }
  return { ok: true, treeSize: head.treeSize, rootHash: head.rootHash };
}

export const versionKey = (version: Pick<InnovationVersion, 'innovationId' | 'version'>) =>
  `${version.innovationId}#${version.version}`;
