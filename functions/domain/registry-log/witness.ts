// Witnessing another instance's registry log: deciding what a newly served signed head means against
// the last head this instance saw of that log, and the statements a witness signs about it. Pure: the
// caller fetches heads and proofs (through the guarded fetch) and stores what is decided.
//
// The log's public key is pinned when a steward first adds the log (trust on first use): every later
// head must verify against that key, and a head that does not is `bad-signature` — refused, never a
// fork, since anyone can serve a badly signed head and it proves nothing about the log.
//
// A fork is evidence against the log's key holder: two heads both signed with the pinned key that
// cannot both be true. Either the same size with different roots, a smaller head signed later than the
// last one (a log's timestamps never go back: log-head.ts), or a bigger head whose consistency proof
// from the last one does not check. A smaller head signed no later than the last is `stale`: every
// entry publishes the head it produced, so anyone can replay an old head, and that proves nothing.
//
// Statements follow C2SP tlog-cosignature (https://c2sp.org/tlog-cosignature): the witness signs, with
// its own Ed25519 log key, the text
//   cosignature/v1\ntime <seconds>\n<origin>\n<tree size>\n<base64 root hash>\n
// where `<origin>` is the log's host. A fork statement is this project's own, in the same style:
//   guildhall/registry-log/fork/v1\ntime <seconds>\n<origin>\n<head seen>\n<head served>\n
// with each head as `<tree size> <base64 root> <timestamp ms> <base64 signature>`, so a reader holding
// the log's key can check both heads, and one holding the witness's key can check who reported them.
// Neither text can be mistaken for a tree head's signed bytes (tree-head.ts), which start with their own
// label and a 0x00 byte, so the one key can sign all three.
import { type FieldIssue, ValidationError } from '../errors.ts';
import { emptyRootHash, fromBase64, type Hash, HASH_BYTES, toBase64 } from './hashing.ts';
import {
  type Ed25519Key,
  ed25519PrivateKey,
  ed25519PublicKey,
  type SignedTreeHead,
  type TreeHead,
  verifyTreeHead,
} from './tree-head.ts';
import { verifyConsistency } from './verify-proofs.ts';
import { sign, verify } from 'node:crypto';

export type ForkReason = 'same-size-different-root' | 'size-went-down' | 'inconsistent';

export type Judgement =
  | { outcome: 'advance'; head: SignedTreeHead }
  | { outcome: 'fork'; reason: ForkReason; seen: SignedTreeHead; served: SignedTreeHead }
  | { outcome: 'stale' }
  | { outcome: 'bad-signature' };

export interface ServedHead {
  /** The log's key, pinned when the log was first witnessed. */
  pinnedKey: Ed25519Key;
  /** The last head this instance accepted from the log; undefined before the first. */
  last: SignedTreeHead | undefined;
  /** The head the log serves now. */
  served: SignedTreeHead;
  /** The log's consistency proof from `last.treeSize` to `served.treeSize`, standard base64 each. */
  proof: readonly string[];
}

/**
 * What a served head means: `advance` to it (it extends or repeats the last one), `fork` (signed with
 * the log's key, yet incompatible with the last head), or `bad-signature` (not the log's word at all).
 * The log's empty head carries no signature (nothing has been signed yet); it is accepted only while
 * nothing larger has been seen.
 */
export function judgeHead({ pinnedKey, last, served, proof }: ServedHead): Judgement {
  const lastSize = last?.treeSize ?? 0;
  if (isEmptyHead(served)) return lastSize === 0 ? { outcome: 'advance', head: served } : { outcome: 'bad-signature' };
  if (!verifyTreeHead(served, pinnedKey)) return { outcome: 'bad-signature' };
  if (!last || last.treeSize === 0) return { outcome: 'advance', head: served };

  const fork = (reason: ForkReason): Judgement => ({ outcome: 'fork', reason, seen: last, served });
  if (served.treeSize < last.treeSize)
    return served.timestamp > last.timestamp ? fork('size-went-down') : { outcome: 'stale' };
  if (served.treeSize === last.treeSize) {
    return served.rootHash === last.rootHash ? { outcome: 'advance', head: served } : fork('same-size-different-root');
  }
  const oldRoot = fromBase64(last.rootHash);
  const newRoot = fromBase64(served.rootHash);
  const hashes = proof.map(fromBase64);
  const consistent =
    oldRoot !== null &&
    newRoot !== null &&
    hashes.every((hash): hash is Hash => hash !== null) &&
    verifyConsistency({ oldSize: last.treeSize, newSize: served.treeSize, oldRoot, newRoot, proof: hashes });
  return consistent ? { outcome: 'advance', head: served } : fork('inconsistent');
}

function isEmptyHead(head: SignedTreeHead): boolean {
  return head.treeSize === 0 && head.rootHash === toBase64(emptyRootHash());
}

/** A witness's word that it checked `head` of the log at `origin`: C2SP tlog-cosignature v1. */
export interface CosignatureStatement {
  kind: 'cosignature';
  origin: string;
  head: Pick<TreeHead, 'treeSize' | 'rootHash'>;
  /** When the witness signed, in whole seconds since the Unix epoch (C2SP's unit). */
  time: number;
}

/** A witness's report that the log at `origin` signed two heads that cannot both be true. */
export interface ForkStatement {
  kind: 'fork';
  origin: string;
  seen: SignedTreeHead;
  served: SignedTreeHead;
  time: number;
}

export type WitnessStatement = CosignatureStatement | ForkStatement;

export const COSIGNATURE_LABEL = 'cosignature/v1';
export const FORK_LABEL = 'guildhall/registry-log/fork/v1';

/** A log's origin is its host as a steward names it; it must not be able to break a line. */
const originPattern = /^[a-z0-9.-]{1,253}(?::[0-9]{1,5})?$/;

/** The exact bytes a witness signs. Throws ValidationError for a statement that cannot be a real one. */
export function statementBytes(statement: WitnessStatement): Uint8Array {
  const issues: FieldIssue[] = [];
  if (!originPattern.test(statement.origin)) {
    issues.push({ field: 'origin', message: 'Name the log by its host, lower case, such as guildhall.example.' });
  }
  if (!isUint53(statement.time)) issues.push({ field: 'time', message: 'Enter a whole number of seconds, 0 or more.' });
  const heads: (Pick<TreeHead, 'treeSize' | 'rootHash'> | SignedTreeHead)[] =
    statement.kind === 'cosignature' ? [statement.head] : [statement.seen, statement.served];
  for (const [at, head] of heads.entries()) {
    const prefix = statement.kind === 'cosignature' ? '' : at === 0 ? 'seen.' : 'served.';
    if (!isUint53(head.treeSize))
      issues.push({ field: `${prefix}treeSize`, message: 'Enter a whole number, 0 or more.' });
    if (fromBase64(head.rootHash)?.length !== HASH_BYTES) {
      issues.push({ field: `${prefix}rootHash`, message: `Give ${HASH_BYTES} bytes in standard base64.` });
    }
    if ('signature' in head) {
      if (!isUint53(head.timestamp))
        issues.push({ field: `${prefix}timestamp`, message: 'Enter a whole number, 0 or more.' });
      if (fromBase64(head.signature) === null) {
        issues.push({ field: `${prefix}signature`, message: 'Give the signature in standard base64.' });
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, 'The witness statement is malformed.');

  const lines =
    statement.kind === 'cosignature'
      ? [
          COSIGNATURE_LABEL,
          `time ${statement.time}`,
          statement.origin,
          String(statement.head.treeSize),
          statement.head.rootHash,
        ]
      : [FORK_LABEL, `time ${statement.time}`, statement.origin, headLine(statement.seen), headLine(statement.served)];
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

function headLine(head: SignedTreeHead): string {
  return `${head.treeSize} ${head.rootHash} ${head.timestamp} ${head.signature}`;
}

/** Signs a statement with the witness's own Ed25519 log key; the signature in standard base64. */
export function signStatement(statement: WitnessStatement, privateKey: Ed25519Key): string {
  return toBase64(sign(null, statementBytes(statement), ed25519PrivateKey(privateKey, 'Signing a witness statement')));
}

/** True when `signature` is the witness's, made with `witnessKey`, over `statement`. */
export function verifyStatement(statement: WitnessStatement, signature: string, witnessKey: Ed25519Key): boolean {
  const bytes = fromBase64(signature);
  if (bytes?.length !== 64) return false;
  let data: Uint8Array;
  try {
    data = statementBytes(statement);
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
  return verify(null, data, ed25519PublicKey(witnessKey, 'Checking a witness statement'), bytes);
}

/**
 * True when a reported fork is evidence on its own: both heads signed with the log's key and in
 * conflict. For a bigger served head, `proof` is the consistency proof the log itself can make between
 * the two sizes (the log checking a report about itself passes its own): if it checks, the report is
 * refuted. Same size with different roots, and a later, smaller head, need no proof.
 */
export function forkStands(
  { seen, served }: Pick<ForkStatement, 'seen' | 'served'>,
  logKey: Ed25519Key,
  proof: readonly string[],
): boolean {
  if (isEmptyHead(seen) || !verifyTreeHead(seen, logKey)) return false;
  return judgeHead({ pinnedKey: logKey, last: seen, served, proof }).outcome === 'fork';
}

function isUint53(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
