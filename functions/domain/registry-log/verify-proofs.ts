// Checking the proofs a log serves, with the algorithms of RFC 9162 §2.1.3.2 (inclusion) and
// §2.1.4.2 (consistency). These take untrusted input, so every malformed proof is simply `false`:
// a verifier that threw on some bad proofs and returned false on others would invite callers to
// treat an exception as "not checked" rather than "refused".
//
// Tree sizes are JavaScript numbers (safe integers, up to 2^53 - 1), so shifts are written as halving:
// `>>` would silently truncate to 32 bits.
import { emptyRootHash, HASH_BYTES, type Hash, hashesEqual, nodeHash } from './hashing.ts';

export interface InclusionClaim {
  leafIndex: number;
  treeSize: number;
  leafHash: Hash;
  proof: readonly Hash[];
  rootHash: Hash;
}

export interface ConsistencyClaim {
  oldSize: number;
  newSize: number;
  oldRoot: Hash;
  newRoot: Hash;
  proof: readonly Hash[];
}

/** True when `proof` shows the leaf with `leafHash` at `leafIndex` in the tree of `treeSize` with `rootHash`. */
export function verifyInclusion({ leafIndex, treeSize, leafHash, proof, rootHash }: InclusionClaim): boolean {
  if (!isSize(treeSize) || !isSize(leafIndex) || leafIndex >= treeSize) return false;
  if (!allHashes([leafHash, rootHash, ...proof])) return false;
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      // Skip the levels where this node has no right sibling: its hash moves up unchanged.
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hashesEqual(r, rootHash);
}

/** True when `proof` shows the tree of `oldSize` with `oldRoot` is a prefix of the tree of `newSize` with `newRoot`. */
export function verifyConsistency({ oldSize, newSize, oldRoot, newRoot, proof }: ConsistencyClaim): boolean {
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize) return false;
  if (!allHashes([oldRoot, newRoot, ...proof])) return false;
  if (oldSize === 0) {
    // Every log extends the empty log; only the roots can be wrong.
    const empty = emptyRootHash();
    return proof.length === 0 && hashesEqual(oldRoot, empty) && (newSize > 0 || hashesEqual(newRoot, empty));
  }
  if (oldSize === newSize) return proof.length === 0 && hashesEqual(oldRoot, newRoot);
  if (proof.length === 0) return false;

  // When the old tree is a complete subtree of the new one, the proof leaves out its root (the
  // verifier has it), so the path starts from the old root.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  const [seed, ...rest] = path as [Hash, ...Hash[]];
  let fr = seed;
  let sr = seed;
  for (const c of rest) {
    if (sn === 0) return false;
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && hashesEqual(fr, oldRoot) && hashesEqual(sr, newRoot);
}

function isSize(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}

function allHashes(values: readonly Hash[]): boolean {
  return values.every((value) => value instanceof Uint8Array && value.length === HASH_BYTES);
}

function isOdd(value: number): boolean {
  return value % 2 === 1;
}

function half(value: number): number {
  return Math.floor(value / 2);
}

function isPowerOfTwo(value: number): boolean {
  let power = 1;
  while (power < value) power *= 2;
  return power === value;
}
