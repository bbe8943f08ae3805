// The hashes of the registry log, exactly as RFC 6962 §2.1 defines them (SHA-256 with one prefix byte),
// so that any Certificate Transparency tool can check our proofs. The prefixes keep a leaf from ever
// being mistaken for an interior node (a second-preimage attack on the tree).
import { createHash } from 'node:crypto';

/** A SHA-256 digest: 32 bytes. */
export type Hash = Uint8Array;

export const HASH_BYTES = 32;

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);

/** MTH({}) = SHA-256(""), the root of a log with no entries. */
export function emptyRootHash(): Hash {
  return createHash('sha256').digest();
}

/** MTH({d}) = SHA-256(0x00 || d). */
export function leafHash(entry: Uint8Array): Hash {
  return createHash('sha256').update(LEAF_PREFIX).update(entry).digest();
}

/** SHA-256(0x01 || left || right). */
export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Standard base64 with padding, the form tree heads carry. */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * Decodes standard base64, or returns null. Node's decoder skips characters it does not know, so the
 * text must re-encode to itself: otherwise two different strings could stand for one signed root.
 * Stored heads and entries reach here unchecked, so a tampered store can hand over anything at all.
 */
export function fromBase64(text: string): Uint8Array | null {
  if (typeof text !== 'string') return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : null;
}
