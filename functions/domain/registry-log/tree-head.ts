// The signed tree head: the log's public promise "these are my first treeSize entries, with this root,
// as of this time". Anyone holding the public key can check it, and with consistency proofs between
// two heads, check the log only ever grew.
//
// The signed bytes are fixed-width and unambiguous, so there is exactly one byte string per head:
//   context label (ASCII) || 0x00 || RFC 6962 §3.5 TreeHeadSignature:
//   version = 0 (1 byte) || signature_type = tree_hash = 1 (1 byte) || timestamp (uint64, big-endian)
//   || tree_size (uint64, big-endian) || sha256_root_hash (32 bytes)
// The label keeps a signature over a tree head from passing as a signature over anything else the
// same key might ever sign; the rest is Certificate Transparency's layout, so it is familiar to audit.
//
// Keys arrive as KeyObject or JWK; this module never stores or loads them.
import { createPrivateKey, createPublicKey, type JsonWebKey, KeyObject, sign, verify } from 'node:crypto';
import { type FieldIssue, ValidationError } from '../errors.ts';
import { HASH_BYTES, type Hash, fromBase64, toBase64 } from './hashing.ts';

export interface TreeHead {
  treeSize: number;
  /** The Merkle tree hash of the first `treeSize` entries, standard base64. */
  rootHash: string;
  /** When the log produced this head, in milliseconds since the Unix epoch. */
  timestamp: number;
}

export interface SignedTreeHead extends TreeHead {
  /** Ed25519 signature over `serialiseTreeHead(head)`, standard base64. */
  signature: string;
}

export type Ed25519Key = KeyObject | JsonWebKey;

export const TREE_HEAD_CONTEXT = 'guildhall/registry-log/tree-head/v1';
const SIGNATURE_BYTES = 64;

export function treeHead(treeSize: number, rootHash: Hash, timestamp: number): TreeHead {
  return { treeSize, rootHash: toBase64(rootHash), timestamp };
}

/** The exact bytes that are signed. Throws ValidationError if the head cannot be a real one. */
export function serialiseTreeHead(head: TreeHead): Uint8Array {
  const root = fromBase64(head.rootHash);
  const issues: FieldIssue[] = [];
  if (!isUint53(head.treeSize)) issues.push({ field: 'treeSize', message: 'Enter a whole number, 0 or more.' });
  if (!isUint53(head.timestamp)) issues.push({ field: 'timestamp', message: 'Enter a whole number, 0 or more.' });
  if (!root || root.length !== HASH_BYTES) {
    issues.push({ field: 'rootHash', message: `Give ${HASH_BYTES} bytes in standard base64.` });
  }
  if (issues.length > 0 || !root) throw new ValidationError(issues, 'The tree head is malformed.');

  const label = new TextEncoder().encode(TREE_HEAD_CONTEXT);
  const bytes = new Uint8Array(label.length + 1 + 2 + 8 + 8 + HASH_BYTES);
  const view = new DataView(bytes.buffer);
  bytes.set(label, 0);
  let at = label.length + 1; // the 0x00 after the label is already there
  bytes[at++] = 0; // version v1
  bytes[at++] = 1; // signature_type tree_hash
  view.setBigUint64(at, BigInt(head.timestamp));
  at += 8;
  view.setBigUint64(at, BigInt(head.treeSize));
  at += 8;
  bytes.set(root, at);
  return bytes;
}

export function signTreeHead(head: TreeHead, privateKey: Ed25519Key): SignedTreeHead {
  const data = serialiseTreeHead(head);
  const signature = sign(null, data, ed25519PrivateKey(privateKey));
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    signature: toBase64(signature),
  };
}

/**
 * True when the head is well formed and signed by the holder of `publicKey`. A malformed head or
 * signature is `false` (it is untrusted input); a key that is not an Ed25519 key throws, since that is
 * a mistake in configuration, not in the data being checked.
 */
export function verifyTreeHead(signed: SignedTreeHead, publicKey: Ed25519Key): boolean {
  const key = ed25519PublicKey(publicKey);
  const signature = fromBase64(signed.signature);
  if (!signature || signature.length !== SIGNATURE_BYTES) return false;
  let data: Uint8Array;
  try {
    data = serialiseTreeHead(signed);
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
  return verify(null, data, key, signature);
}

// Bad keys are TypeErrors on purpose: they come from configuration, so a domain ValidationError
// (a 400 blaming the requester) would be wrong; they should surface as a bug.
/** The Ed25519 private key to sign with; anything else is refused, the message saying what for (`Signing a tree head`). */
export function ed25519PrivateKey(key: Ed25519Key, purpose = 'Signing a tree head'): KeyObject {
  const object = key instanceof KeyObject ? key : importKey(() => createPrivateKey({ key, format: 'jwk' }));
  if (object.type !== 'private' || object.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`${purpose} needs an Ed25519 private key.`);
  }
  return object;
}

/** The Ed25519 public key to check with (a private key gives its public half); anything else is refused. */
export function ed25519PublicKey(key: Ed25519Key, purpose = 'Verifying a tree head'): KeyObject {
  const object =
    key instanceof KeyObject
      ? key.type === 'private'
        ? createPublicKey(key)
        : key
      : importKey(() => createPublicKey({ key, format: 'jwk' }));
  if (object.type !== 'public' || object.asymmetricKeyType !== 'ed25519') {
    throw new TypeError(`${purpose} needs an Ed25519 public key.`);
  }
  return object;
}

function importKey(load: () => KeyObject): KeyObject {
  try {
    return load();
  } catch (error) {
    throw new TypeError('The JWK is not a usable key.', { cause: error });
  }
}

function isUint53(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
