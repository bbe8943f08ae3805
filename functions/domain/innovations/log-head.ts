// Appending to the registry log without rereading it. The head keeps the log's "frontier": the roots
// of the perfect subtrees its size splits into (13 = 8 + 4 + 1 keeps three hashes), largest first.
// RFC 6962's tree leans right, so its root is those roots folded from the right, and appending a leaf
// merges the trailing equal-sized subtrees, as adding one carries through a binary number: O(log n).
//
// Each append signs the new head; the entry stores the head it produced, so an auditor can tell at
// which index a rewritten log first disagrees with what was signed at the time.
//
// The merges an append makes are the roots of the perfect subtrees its leaf completes (leaf 11 closes
// [10, 12) and [8, 12)); the entry keeps them (`subtrees`), so a proof reads the O(log n) nodes it needs
// instead of every leaf hash (see registry-log/merkle-tree.ts, NodeHashSource). They are derived, not
// signed: a wrong one makes a proof that fails against the signed root, and an audit names it.
import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { emptyRootHash, fromBase64, type Hash, leafHash, nodeHash, toBase64 } from '../registry-log/hashing.ts';
import { type SignedTreeHead, signTreeHead, type TreeHead, verifyTreeHead } from '../registry-log/tree-head.ts';
import { eventBytes, type LogEvent, type LogEventKind, subjectOf } from './log-events.ts';

export interface LogHead extends SignedTreeHead {
  /** Roots of the perfect subtrees the tree splits into, largest first, standard base64. */
  frontier: string[];
}

export interface StoredLogEntry {
  index: number;
  /** The canonical JSON of the event: the leaf's bytes are its UTF-8 encoding. */
  data: string;
  /** RFC 6962 leaf hash of `data`, standard base64. */
  leafHash: string;
  kind: LogEventKind;
  innovationId?: string | undefined;
  /** The signed head the log had right after this entry was appended (tree size index + 1). */
  treeHead: SignedTreeHead;
  /**
   * Roots of the perfect subtrees this leaf completes, smallest first, standard base64: `subtrees[k-1]`
   * is the hash of the 2^k leaves ending here. Entries appended before they were kept have none.
   */
  subtrees?: string[] | undefined;
}

/** One append, for the store to write in the same transaction as the change it records. */
export interface LogAppend {
  entry: StoredLogEntry;
  head: LogHead;
  /** The size the head must still have: two appends cannot both extend the same size. */
  previousSize: number;
}

/** Signs tree heads with the instance key; the public half is what anyone verifies with. */
export interface LogSigner {
  sign(head: TreeHead): SignedTreeHead;
  /**
   * Lends the private key to `use`, for the witness statements signed with the same key
   * (registry-log/witness.ts): imported there, so the functions that never witness do not carry it.
   */
  withPrivateKey<T>(use: (privateJwk: JsonWebKey) => T): T;
  publicJwk: JsonWebKey;
}

export function logSignerFromJwk(privateJwk: JsonWebKey): LogSigner {
  const { d: _private, ...rest } = privateJwk;
  let publicJwk: JsonWebKey | undefined;
  return {
    sign: (head) => signTreeHead(head, privateJwk),
    withPrivateKey: (use) => use(privateJwk),
    // Derived when first asked for (importing a key costs a cold start ~1 ms; most requests never sign).
    get publicJwk() {
      publicJwk ??= {
        ...createPublicKey({ key: privateJwk, format: 'jwk' }).export({ format: 'jwk' }),
        ...(typeof rest.kid === 'string' ? { kid: rest.kid } : {}),
        alg: 'EdDSA',
        use: 'sig',
      };
      return publicJwk;
    },
  };
}

/** The head of a log with no entries; it is never stored or signed. */
export function emptyHead(): LogHead {
  return { treeSize: 0, rootHash: toBase64(emptyRootHash()), timestamp: 0, signature: '', frontier: [] };
}

export function rootOfFrontier(frontier: readonly Hash[]): Hash {
  const last = frontier.at(-1);
  if (!last) return emptyRootHash();
  let root = last;
  for (let i = frontier.length - 2; i >= 0; i--) root = nodeHash(frontier[i] as Hash, root);
  return root;
}

/** The frontier after appending `leaf` to a tree of `size` leaves. */
export function appendToFrontier(frontier: readonly Hash[], size: number, leaf: Hash): Hash[] {
  return appendLeaf(frontier, size, leaf).frontier;
}

/**
 * Appends `leaf` to a tree of `size` leaves: the new frontier, and the roots of the perfect subtrees the
 * leaf completes, smallest first (2, 4, … leaves ending with it: as many as `size` has trailing ones).
 */
export function appendLeaf(
  frontier: readonly Hash[],
  size: number,
  leaf: Hash,
): { frontier: Hash[]; completed: Hash[] } {
  const next = [...frontier];
  const completed: Hash[] = [];
  let node = leaf;
  for (let carry = size; carry % 2 === 1; carry = Math.floor(carry / 2)) {
    const left = next.pop();
    if (!left) throw new Error('The log frontier is shorter than its size says.');
    node = nodeHash(left, node);
    completed.push(node);
  }
  next.push(node);
  return { frontier: next, completed };
}

export function decodeFrontier(frontier: readonly string[]): Hash[] {
  return frontier.map((text, index) => {
    const hash = fromBase64(text);
    if (hash?.length !== 32) throw new Error(`The log head's frontier hash ${index} is malformed.`);
    return hash;
  });
}

const popCount = (size: number) => size.toString(2).replaceAll('0', '').length;

/**
 * The append that records `event` on top of `head`. A head that does not hold together (frontier and
 * root disagree, or a bad signature) is refused: extending it would sign over a broken log.
 */
export function prepareAppend(head: LogHead, event: LogEvent, now: Date, signer: LogSigner): LogAppend {
  const frontier = decodeFrontier(head.frontier);
  const intact =
    frontier.length === popCount(head.treeSize) &&
    toBase64(rootOfFrontier(frontier)) === head.rootHash &&
    (head.treeSize === 0 || verifyTreeHead(head, signer.publicJwk));
  if (!intact) throw new Error(`The stored log head (size ${head.treeSize}) is corrupt; run verify-log.`);

  const data = eventBytes(event);
  const leaf = leafHash(data);
  const { frontier: nextFrontier, completed } = appendLeaf(frontier, head.treeSize, leaf);
  const signed = signer.sign({
    treeSize: head.treeSize + 1,
    rootHash: toBase64(rootOfFrontier(nextFrontier)),
    // Never earlier than the head it extends, even if this machine's clock is behind another's.
    timestamp: Math.max(now.getTime(), head.timestamp),
  });
  return {
    entry: {
      index: head.treeSize,
      data: new TextDecoder().decode(data),
      leafHash: toBase64(leaf),
      kind: event.kind,
      innovationId: subjectOf(event),
      treeHead: signed,
      subtrees: completed.map(toBase64),
    },
    head: { ...signed, frontier: nextFrontier.map(toBase64) },
    previousSize: head.treeSize,
  };
}
