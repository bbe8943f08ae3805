// Building the Merkle tree of the registry log and the two proofs a log serves, following the
// definitions of RFC 6962 §2.1 (MTH), §2.1.1 (PATH) and §2.1.2 (PROOF/SUBPROOF) literally, so that a
// reader can set this file beside the RFC. Leaf hashes come through a function rather than an array
// so an adapter can serve them from wherever it keeps them; the functions here never store anything.
import { ValidationError } from '../errors.ts';
import { emptyRootHash, HASH_BYTES, type Hash, nodeHash } from './hashing.ts';

/** Returns the stored leaf hash of the entry at `index` (0-based). */
export type LeafHashSource = (index: number) => Hash;

/**
 * Returns a stored hash of the perfect subtree of `size` leaves (a power of two, 1 for a leaf) starting
 * at `start` (a multiple of `size`), or undefined to have it computed from below. A log that keeps its
 * interior nodes serves proofs from O(log n) of them instead of from every leaf.
 */
export type NodeHashSource = (start: number, size: number) => Hash | undefined;

const isPowerOfTwo = (n: number) => n > 0 && (n & (n - 1)) === 0;

/** The k of RFC 6962 §2.1: the largest power of two smaller than n (n ≥ 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * MTH of the leaves D[start:end]. Each leaf is hashed into exactly one subtree, so O(end - start); with
 * stored nodes, a perfect subtree (every left one, and the parts of a right one) costs one lookup.
 */
function subtreeHash(start: number, end: number, getLeafHash: LeafHashSource, getNode?: NodeHashSource): Hash {
  const n = end - start;
  if (n === 0) return emptyRootHash();
  const stored = getNode && isPowerOfTwo(n) && start % n === 0 ? getNode(start, n) : undefined;
  if (stored) return checkedHash(stored, `node [${start}, ${end})`);
  if (n === 1) return checkedLeafHash(start, getLeafHash);
  const k = splitPoint(n);
  return nodeHash(
    subtreeHash(start, start + k, getLeafHash, getNode),
    subtreeHash(start + k, end, getLeafHash, getNode),
  );
}

function checkedHash(hash: Hash, what: string): Hash {
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_BYTES) {
    throw new Error(`The stored hash of ${what} is not ${HASH_BYTES} bytes long.`);
  }
  return hash;
}

function checkedLeafHash(index: number, getLeafHash: LeafHashSource): Hash {
  const hash = getLeafHash(index);
  // A missing or short hash means the caller's store is broken: a bug, not bad input, hence no
  // domain error (it becomes a bare 500 rather than a 400 blaming the requester).
  if (!(hash instanceof Uint8Array) || hash.length !== HASH_BYTES) {
    throw new Error(`The leaf hash at index ${index} is missing or not ${HASH_BYTES} bytes long.`);
  }
  return hash;
}

/** MTH of the leaves D[start:end] read through sources (with stored nodes: O(log n) lookups). */
export function subtreeRoot(start: number, end: number, getLeafHash: LeafHashSource, getNode?: NodeHashSource): Hash {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new ValidationError([{ field: 'range', message: 'Give whole numbers with 0 ≤ start ≤ end.' }]);
  }
  return subtreeHash(start, end, getLeafHash, getNode);
}

/** The Merkle tree hash (RFC 6962 §2.1) of a log whose leaves have these hashes, in order. */
export function rootFromLeafHashes(leafHashes: readonly Hash[]): Hash {
  return subtreeHash(0, leafHashes.length, (index) => leafHashes[index] as Hash);
}

/** The root of the first `treeSize` leaves, read through a source instead of an array. */
export function rootFromSource(treeSize: number, getLeafHash: LeafHashSource, getNode?: NodeHashSource): Hash {
  requireSize(treeSize, 'treeSize');
  return subtreeHash(0, treeSize, getLeafHash, getNode);
}

/**
 * The audit path PATH(m, D[n]) of RFC 6962 §2.1.1: the sibling hashes from leaf `leafIndex` up to
 * the root of the tree of the first `treeSize` leaves, nearest first.
 */
export function inclusionProof(
  leafIndex: number,
  treeSize: number,
  getLeafHash: LeafHashSource,
  getNode?: NodeHashSource,
): Hash[] {
  requireSize(treeSize, 'treeSize');
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= treeSize) {
    const message =
      treeSize === 0 ? 'There is no leaf in an empty tree.' : `Enter a whole number from 0 to ${treeSize - 1}.`;
    throw new ValidationError([{ field: 'leafIndex', message }]);
  }
  const proof: Hash[] = [];
  auditPath(leafIndex, 0, treeSize, getLeafHash, proof, getNode);
  return proof;
}

function auditPath(
  m: number,
  start: number,
  end: number,
  getLeafHash: LeafHashSource,
  proof: Hash[],
  getNode?: NodeHashSource,
): void {
  const n = end - start;
  if (n === 1) return;
  const k = splitPoint(n);
  if (m < k) {
    auditPath(m, start, start + k, getLeafHash, proof, getNode);
    proof.push(subtreeHash(start + k, end, getLeafHash, getNode));
  } else {
    auditPath(m - k, start + k, end, getLeafHash, proof, getNode);
    proof.push(subtreeHash(start, start + k, getLeafHash, getNode));
  }
}

/**
 * PROOF(m, D[n]) of RFC 6962 §2.1.2: the hashes that show the tree of the first `oldSize` leaves is
 * a prefix of the tree of the first `newSize`. The RFC defines it for 0 < m < n; for m = 0 and m = n
 * the proof is empty, as RFC 9162 §2.1.4 and the verifiers in use expect.
 */
export function consistencyProof(
  oldSize: number,
  newSize: number,
  getLeafHash: LeafHashSource,
  getNode?: NodeHashSource,
): Hash[] {
  requireSize(newSize, 'newSize');
  if (!Number.isSafeInteger(oldSize) || oldSize < 0 || oldSize > newSize) {
    throw new ValidationError([{ field: 'oldSize', message: `Enter a whole number from 0 to ${newSize}.` }]);
  }
  const proof: Hash[] = [];
  if (oldSize > 0 && oldSize < newSize) subproof(oldSize, 0, newSize, true, getLeafHash, proof, getNode);
  return proof;
}

function subproof(
  m: number,
  start: number,
  end: number,
  isWholeOldTree: boolean,
  getLeafHash: LeafHashSource,
  proof: Hash[],
  getNode?: NodeHashSource,
): void {
  const n = end - start;
  if (m === n) {
    // The verifier already holds the old root, so it need not be sent when this subtree is all of it.
    if (!isWholeOldTree) proof.push(subtreeHash(start, end, getLeafHash, getNode));
    return;
  }
  const k = splitPoint(n);
  if (m <= k) {
    subproof(m, start, start + k, isWholeOldTree, getLeafHash, proof, getNode);
    proof.push(subtreeHash(start + k, end, getLeafHash, getNode));
  } else {
    subproof(m - k, start + k, end, false, getLeafHash, proof, getNode);
    proof.push(subtreeHash(start, start + k, getLeafHash, getNode));
  }
}

function requireSize(size: number, field: string): void {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new ValidationError([{ field, message: 'Enter a whole number, 0 or more.' }]);
  }
}
