// Auditing a whole stored log against a signed tree head: the check a mirror or a suspicious member
// runs to learn whether anyone rewrote history, and if so, where.
//
// Steps:
// 1. Check the head's signature; nothing else it says can be trusted before that.
// 2. Check the head covers exactly the entries given (callers verifying a prefix pass a slice).
// 3. Rehash every entry and compare with its stored leaf hash: the first difference names the index
//    of an entry changed after it was logged.
// 4. Rebuild the root from the stored leaf hashes and compare it with the signed root. A mismatch here
//    with every leaf consistent means an entry and its hash were both rewritten: the head alone
//    cannot say which (an older head and a consistency proof can narrow it down).
import { type Hash, hashesEqual, leafHash, toBase64 } from './hashing.ts';
import { rootFromLeafHashes } from './merkle-tree.ts';
import { type Ed25519Key, type SignedTreeHead, verifyTreeHead } from './tree-head.ts';

/** One stored entry of the log: its bytes and the leaf hash recorded when it was appended. */
export interface LogEntry {
  data: Uint8Array;
  leafHash: Hash;
}

export type LogVerification =
  | { ok: true; treeSize: number; rootHash: string }
  | { ok: false; problem: 'bad-signature' }
  | { ok: false; problem: 'size-mismatch'; expected: number; actual: number }
  | { ok: false; problem: 'leaf-mismatch'; index: number }
  | { ok: false; problem: 'root-mismatch'; expected: string; actual: string };

/** The record to store when appending `data` to the log. */
export function logEntry(data: Uint8Array): LogEntry {
  return { data, leafHash: leafHash(data) };
}

export function verifyLog(
  entries: readonly LogEntry[],
  signedHead: SignedTreeHead,
  publicKey: Ed25519Key,
): LogVerification {
  if (!verifyTreeHead(signedHead, publicKey)) return { ok: false, problem: 'bad-signature' };
  if (signedHead.treeSize !== entries.length) {
    return { ok: false, problem: 'size-mismatch', expected: signedHead.treeSize, actual: entries.length };
  }
  for (const [index, entry] of entries.entries()) {
    if (!hashesEqual(leafHash(entry.data), entry.leafHash)) return { ok: false, problem: 'leaf-mismatch', index };
  }
  const actual = toBase64(rootFromLeafHashes(entries.map((entry) => entry.leafHash)));
  if (actual !== signedHead.rootHash) {
    return { ok: false, problem: 'root-mismatch', expected: signedHead.rootHash, actual };
  }
  return { ok: true, treeSize: signedHead.treeSize, rootHash: signedHead.rootHash };
}
