// Witnessing a log: each outcome decided over real trees and real signatures, and the statements a
// witness signs, byte for byte.
import { generateKeyPairSync, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { emptyRootHash, fromBase64, toBase64 } from '#domain/registry-log/hashing.ts';
import { consistencyProof, rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import { type SignedTreeHead, signTreeHead, treeHead } from '#domain/registry-log/tree-head.ts';
import {
  type CosignatureStatement,
  type ForkStatement,
  type WitnessStatement,
  forkStands,
  judgeHead,
  signStatement,
  statementBytes,
  verifyStatement,
} from '#domain/registry-log/witness.ts';
import { thrown } from '../../support/thrown.ts';
import { flipBit, leafHashesOf } from './helpers.ts';

const log = generateKeyPairSync('ed25519');
const witness = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');

const leaves = leafHashesOf(40);
const getLeafHash = (index: number) => leaves[index] as Uint8Array;
/** The honest log's head of `size`, signed at `time`. */
const headOf = (size: number, time = 1_790_000_000_000 + size, key = log.privateKey) =>
  signTreeHead(treeHead(size, rootFromLeafHashes(leaves.slice(0, size)), time), key);
const proofBetween = (from: number, to: number) => consistencyProof(from, to, getLeafHash).map(toBase64);
/** A head of `size` over other entries than the honest log's, as one holding the log's key could sign. */
const rewrittenHead = (size: number, time = 1_790_000_000_000 + size) => {
  const other = leaves.slice(0, size);
  other[size - 1] = flipBit(other[size - 1] as Uint8Array, 3);
  return signTreeHead(treeHead(size, rootFromLeafHashes(other), time), log.privateKey);
};
const judge = (last: SignedTreeHead | undefined, served: SignedTreeHead, proof: readonly string[] = []) =>
  judgeHead({ pinnedKey: log.publicKey.export({ format: 'jwk' }), last, served, proof });

describe('judgeHead', () => {
  it('advances to the first head it sees, once it is signed by the pinned key', () => {
    expect(judge(undefined, headOf(7))).toEqual({ outcome: 'advance', head: headOf(7) });
  });

  it('advances when the consistency proof shows the new head extends the last, at every pair of sizes', () => {
    for (let from = 1; from <= 12; from++) {
      for (let to = from + 1; to <= 13; to++) {
        expect(judge(headOf(from), headOf(to), proofBetween(from, to)).outcome, `${from} → ${to}`).toBe('advance');
      }
    }
  });

  it('advances on the same head served again, and on the same tree signed later', () => {
    expect(judge(headOf(9), headOf(9)).outcome).toBe('advance');
    expect(judge(headOf(9), headOf(9, 1_800_000_000_000))).toEqual({
      outcome: 'advance',
      head: headOf(9, 1_800_000_000_000),
    });
  });

  it('accepts the unsigned empty head only while nothing has been seen', () => {
    const empty = { treeSize: 0, rootHash: toBase64(emptyRootHash()), timestamp: 0, signature: '' };
    expect(judge(undefined, empty).outcome).toBe('advance');
    expect(judge(headOf(3), empty).outcome).toBe('bad-signature');
  });

  it('calls a head of the same size with another root a fork, keeping both heads as evidence', () => {
    const seen = headOf(12);
    const served = rewrittenHead(12);
    expect(judge(seen, served)).toEqual({ outcome: 'fork', reason: 'same-size-different-root', seen, served });
  });

  it('calls a bigger head a fork when its consistency proof fails, is missing or is malformed', () => {
    const seen = headOf(5);
    const served = rewrittenHead(11);
    expect(judge(seen, served, proofBetween(5, 11))).toMatchObject({ outcome: 'fork', reason: 'inconsistent' });
    expect(judge(seen, headOf(11), [])).toMatchObject({ outcome: 'fork', reason: 'inconsistent' });
    expect(judge(seen, headOf(11), ['not base64!'])).toMatchObject({ outcome: 'fork', reason: 'inconsistent' });
    // The proof between other sizes does not pass for this pair.
    expect(judge(seen, headOf(11), proofBetween(6, 11)).outcome).toBe('fork');
  });

  it('calls a smaller head signed after the last a fork (a rollback), and an older one stale', () => {
    const seen = headOf(10, 2_000);
    const rollback = headOf(6, 3_000);
    expect(judge(seen, rollback)).toEqual({ outcome: 'fork', reason: 'size-went-down', seen, served: rollback });
    // Every entry publishes the head it produced: replaying one proves nothing.
    expect(judge(seen, headOf(6, 1_000))).toEqual({ outcome: 'stale' });
    expect(judge(seen, headOf(6, 2_000))).toEqual({ outcome: 'stale' });
  });

  it('refuses a head not signed by the pinned key as a bad signature, never a fork', () => {
    const seen = headOf(8);
    expect(judge(seen, rewrittenHead(8), []).outcome).toBe('fork');
    expect(judge(seen, headOf(8, 1_790_000_000_008, stranger.privateKey)).outcome).toBe('bad-signature');
    expect(judge(seen, { ...rewrittenHead(8), signature: headOf(8).signature }).outcome).toBe('bad-signature');
    expect(judge(undefined, { ...headOf(8), signature: 'garbage' }).outcome).toBe('bad-signature');
    expect(judge(seen, { ...headOf(12), treeSize: 13 }, proofBetween(8, 12)).outcome).toBe('bad-signature');
  });
});

describe('witness statements', () => {
  const cosignature: CosignatureStatement = {
    kind: 'cosignature',
    origin: 'a.example:4321',
    head: { treeSize: 5, rootHash: headOf(5).rootHash },
    time: 1_790_000_123,
  };

  it('signs and checks only with Ed25519 keys, saying what the key was for', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => signStatement(cosignature, rsa.privateKey)).toThrow(
      'Signing a witness statement needs an Ed25519 private key.',
    );
    expect(() => signStatement(cosignature, witness.publicKey)).toThrow(
      'Signing a witness statement needs an Ed25519 private key.',
    );
    const signature = signStatement(cosignature, witness.privateKey);
    expect(() => verifyStatement(cosignature, signature, rsa.publicKey)).toThrow(
      'Checking a witness statement needs an Ed25519 public key.',
    );
    // A private key checks with its public half.
    expect(verifyStatement(cosignature, signature, witness.privateKey)).toBe(true);
  });

  it('cosigns in the C2SP tlog-cosignature v1 text', () => {
    expect(new TextDecoder().decode(statementBytes(cosignature))).toBe(
      `cosignature/v1\ntime 1790000123\na.example:4321\n5\n${headOf(5).rootHash}\n`,
    );
  });

  it('writes a fork as both signed heads, each on its own line', () => {
    const seen = headOf(4, 10);
    const served = rewrittenHead(4, 20);
    const fork: ForkStatement = { kind: 'fork', origin: 'a.example', seen, served, time: 7 };
    expect(new TextDecoder().decode(statementBytes(fork))).toBe(
      [
        'guildhall/registry-log/fork/v1',
        'time 7',
        'a.example',
        `4 ${seen.rootHash} 10 ${seen.signature}`,
        `4 ${served.rootHash} 20 ${served.signature}`,
        '',
      ].join('\n'),
    );
  });

  it('signs with the witness key; the signature checks with its public key only, over those bytes only', () => {
    const signature = signStatement(cosignature, witness.privateKey);
    const bytes = fromBase64(signature) as Uint8Array;
    expect(verify(null, statementBytes(cosignature), witness.publicKey, bytes)).toBe(true);
    expect(verifyStatement(cosignature, signature, witness.publicKey.export({ format: 'jwk' }))).toBe(true);
    expect(verifyStatement(cosignature, signature, stranger.publicKey)).toBe(false);
    expect(verifyStatement({ ...cosignature, time: cosignature.time + 1 }, signature, witness.publicKey)).toBe(false);
    expect(
      verifyStatement({ ...cosignature, head: { ...cosignature.head, treeSize: 6 } }, signature, witness.publicKey),
    ).toBe(false);
    expect(verifyStatement(cosignature, 'short', witness.publicKey)).toBe(false);
  });

  it('refuses to sign a statement whose origin could break a line, naming the field', () => {
    const error = thrown(() => statementBytes({ ...cosignature, origin: 'a.example\n6' }), ValidationError);
    expect(error.issues.map((issue) => issue.field)).toEqual(['origin']);
    expect(
      verifyStatement(
        { ...cosignature, origin: 'A.example' },
        signStatement(cosignature, witness.privateKey),
        witness.publicKey,
      ),
    ).toBe(false);
  });
});

describe('a statement that cannot be a real one', () => {
  const cosignature: CosignatureStatement = {
    kind: 'cosignature',
    origin: 'a.example:4321',
    head: { treeSize: 5, rootHash: headOf(5).rootHash },
    time: 1_790_000_123,
  };
  const issuesOf = (statement: WitnessStatement) => {
    const error = thrown(() => statementBytes(statement), ValidationError);
    expect(error.message).toBe('The witness statement is malformed.');
    return error.issues;
  };

  it('names each wrong field of a cosignature with a sentence, and takes 0 as a whole number', () => {
    expect(
      issuesOf({ ...cosignature, origin: 'A.example', time: -1, head: { treeSize: 1.5, rootHash: 'AAAA' } }),
    ).toEqual([
      { field: 'origin', message: 'Name the log by its host, lower case, such as guildhall.example.' },
      { field: 'time', message: 'Enter a whole number of seconds, 0 or more.' },
      { field: 'treeSize', message: 'Enter a whole number, 0 or more.' },
      { field: 'rootHash', message: 'Give 32 bytes in standard base64.' },
    ]);
    expect(issuesOf({ ...cosignature, time: 2 ** 53 }).map((issue) => issue.field)).toEqual(['time']);
    expect(issuesOf({ ...cosignature, head: { treeSize: 5, rootHash: '***' } }).map((i) => i.field)).toEqual([
      'rootHash',
    ]);
    const zero = { ...cosignature, time: 0, head: { treeSize: 0, rootHash: toBase64(emptyRootHash()) } };
    expect(new TextDecoder().decode(statementBytes(zero))).toBe(
      `cosignature/v1\ntime 0\na.example:4321\n0\n${toBase64(emptyRootHash())}\n`,
    );
  });

  it('names a fork’s wrong head by which one it is, seen or served', () => {
    const seen = headOf(4, 10);
    const served = rewrittenHead(4, 20);
    const fork: ForkStatement = { kind: 'fork', origin: 'a.example', seen, served, time: 7 };
    expect(issuesOf({ ...fork, seen: { ...seen, timestamp: -5, treeSize: -1 } })).toEqual([
      { field: 'seen.treeSize', message: 'Enter a whole number, 0 or more.' },
      { field: 'seen.timestamp', message: 'Enter a whole number, 0 or more.' },
    ]);
    expect(issuesOf({ ...fork, served: { ...served, signature: '%%', rootHash: 'AA==' } })).toEqual([
      { field: 'served.rootHash', message: 'Give 32 bytes in standard base64.' },
      { field: 'served.signature', message: 'Give the signature in standard base64.' },
    ]);
    // A malformed statement is no one's: checking it answers false instead of throwing.
    const signature = signStatement(fork, witness.privateKey);
    expect(verifyStatement({ ...fork, served: { ...served, signature: '%%' } }, signature, witness.publicKey)).toBe(
      false,
    );
  });
});

describe('judgeHead from the first heads and on bad proofs', () => {
  it('advances from a last head of size 0 to any head the log signed, whatever the proof', () => {
    const empty = signTreeHead(treeHead(0, emptyRootHash(), 1_790_000_000_000), log.privateKey);
    expect(judge(empty, headOf(7), ['not a proof'])).toEqual({ outcome: 'advance', head: headOf(7) });
  });

  it('calls a bigger head a fork when its proof, or the last head’s root, is not base64 at all', () => {
    const good = proofBetween(4, 9);
    expect(judge(headOf(4), headOf(9), [...good.slice(0, -1), '%%%'])).toMatchObject({
      outcome: 'fork',
      reason: 'inconsistent',
    });
    expect(judge({ ...headOf(4), rootHash: '%%%' }, headOf(9), good)).toMatchObject({ outcome: 'fork' });
    expect(judge(headOf(4), headOf(9), good)).toEqual({ outcome: 'advance', head: headOf(9) });
  });

  it('takes an unsigned empty head only while nothing larger was seen', () => {
    const unsigned = { ...treeHead(0, emptyRootHash(), 5), signature: '' };
    expect(judge(undefined, unsigned)).toEqual({ outcome: 'advance', head: unsigned });
    expect(judge(headOf(3), unsigned)).toEqual({ outcome: 'bad-signature' });
    // Size 0 with another root is no empty head: it must carry the log's signature.
    const notEmpty = { ...treeHead(0, rootFromLeafHashes(leaves.slice(0, 1)), 5), signature: '' };
    expect(judge(undefined, notEmpty)).toEqual({ outcome: 'bad-signature' });
  });
});

describe('forkStands', () => {
  const logKey = log.publicKey;

  it('holds for two signed heads of one size with different roots', () => {
    expect(forkStands({ seen: headOf(6), served: rewrittenHead(6) }, logKey, [])).toBe(true);
  });

  it('is refuted by the log’s own consistency proof when the heads in fact agree', () => {
    expect(forkStands({ seen: headOf(6), served: headOf(9) }, logKey, proofBetween(6, 9))).toBe(false);
    expect(forkStands({ seen: headOf(6), served: rewrittenHead(9) }, logKey, proofBetween(6, 9))).toBe(true);
  });

  it('does not hold when either head is not the log’s', () => {
    const forged = signTreeHead(treeHead(6, rootFromLeafHashes(leaves.slice(1, 7)), 5), stranger.privateKey);
    expect(forkStands({ seen: headOf(6), served: forged }, logKey, [])).toBe(false);
    expect(forkStands({ seen: forged, served: headOf(6) }, logKey, [])).toBe(false);
  });
});
