import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { toBase64 } from '#domain/registry-log/hashing.ts';
import { rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import {
  type SignedTreeHead,
  serialiseTreeHead,
  signTreeHead,
  TREE_HEAD_CONTEXT,
  type TreeHead,
  treeHead,
  verifyTreeHead,
} from '#domain/registry-log/tree-head.ts';
import { perTest } from '../../support/per-test.ts';
import { thrown } from '../../support/thrown.ts';
import { hex, leafHashesOf } from './helpers.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const head = perTest(() => treeHead(5, rootFromLeafHashes(leafHashesOf(5)), 1_790_000_000_000));

describe('serialiseTreeHead', () => {
  it('lays out the label, then the RFC 6962 TreeHeadSignature fields, big-endian', () => {
    const root = hex('ab'.repeat(32));
    const bytes = serialiseTreeHead(treeHead(0x0102, root, 0x0a0b0c0d0e0f));
    expect(Buffer.from(bytes).toString('hex')).toBe(
      [
        // The label every verifier of these heads must use, spelled out: changing it breaks them all.
        Buffer.from('guildhall/registry-log/tree-head/v1').toString('hex'),
        '00', // end of label
        '00', // version v1
        '01', // signature_type tree_hash
        '00000a0b0c0d0e0f', // timestamp
        '0000000000000102', // tree_size
        'ab'.repeat(32),
      ].join(''),
    );
    expect(TREE_HEAD_CONTEXT).toBe('guildhall/registry-log/tree-head/v1');
  });

  it('gives different bytes for heads that differ in any field', () => {
    const variants = [
      head(),
      { ...head(), treeSize: 6 },
      { ...head(), timestamp: head().timestamp + 1 },
      { ...head(), rootHash: toBase64(new Uint8Array(32)) },
    ];
    const encoded = new Set(variants.map((variant) => Buffer.from(serialiseTreeHead(variant)).toString('hex')));
    expect(encoded.size).toBe(variants.length);
  });

  const rootIssue = { field: 'rootHash', message: 'Give 32 bytes in standard base64.' };
  it.each([
    {
      case: 'a negative size',
      change: { treeSize: -1 },
      issue: { field: 'treeSize', message: 'Enter a whole number, 0 or more.' },
    },
    {
      case: 'a fractional timestamp',
      change: { timestamp: 1.5 },
      issue: { field: 'timestamp', message: 'Enter a whole number, 0 or more.' },
    },
    { case: 'a root of 31 bytes', change: { rootHash: `${'A'.repeat(42)}==` }, issue: rootIssue },
    { case: 'a root that is not base64', change: { rootHash: '***' }, issue: rootIssue },
    {
      case: 'a root in URL-safe base64',
      // 32 bytes of 0xfb: "+/v7+/v7…+/s=" in standard base64.
      change: { rootHash: `${'-_v7'.repeat(10)}-_s=` },
      issue: rootIssue,
    },
  ])('refuses a head with $case, saying what is wrong', ({ change, issue }) => {
    const error = thrown(() => serialiseTreeHead({ ...head(), ...change }), ValidationError);
    expect(error.message).toBe('The tree head is malformed.');
    expect(error.issues).toEqual([issue]);
  });
});

describe('signing and verifying tree heads', () => {
  it('verifies a head it signed, with the key as KeyObject or JWK', () => {
    const signed = signTreeHead(head(), privateKey);
    expect(signed).toMatchObject(head());
    expect(verifyTreeHead(signed, publicKey)).toBe(true);
    expect(verifyTreeHead(signed, publicKey.export({ format: 'jwk' }))).toBe(true);
    expect(verifyTreeHead(signTreeHead(head(), privateKey.export({ format: 'jwk' })), publicKey)).toBe(true);
  });

  it('signs deterministically, as Ed25519 does', () => {
    expect(signTreeHead(head(), privateKey).signature).toBe(signTreeHead(head(), privateKey).signature);
  });

  it('accepts the private key where the public one is expected, since it holds it', () => {
    expect(verifyTreeHead(signTreeHead(head(), privateKey), privateKey)).toBe(true);
  });

  it.each([
    { case: 'a larger size', change: () => ({ treeSize: head().treeSize + 1 }) },
    { case: 'a later timestamp', change: () => ({ timestamp: head().timestamp + 1 }) },
    { case: 'another root', change: () => ({ rootHash: toBase64(new Uint8Array(32)) }) },
    { case: 'a malformed root', change: () => ({ rootHash: 'not base64!' }) },
    { case: 'a truncated signature', change: () => ({ signature: 'AAAA' }) },
    { case: 'a signature that is not base64', change: () => ({ signature: '!'.repeat(88) }) },
  ])('refuses a signed head changed to $case', ({ change }) => {
    expect(verifyTreeHead({ ...signTreeHead(head(), privateKey), ...change() }, publicKey)).toBe(false);
  });

  // A head read back from a tampered store can hold anything; it is refused like any other bad head.
  it.each([
    ['a signature that is not text', { signature: 5 }],
    ['no signature', { signature: undefined }],
    ['a root that is not text', { rootHash: null }],
  ])('refuses, rather than crashing on, a stored head with %s', (_what, change) => {
    const tampered = { ...signTreeHead(head(), privateKey), ...change } as unknown as SignedTreeHead;
    expect(verifyTreeHead(tampered, publicKey)).toBe(false);
  });

  it('refuses a head signed by another key', () => {
    expect(verifyTreeHead(signTreeHead(head(), other.privateKey), publicKey)).toBe(false);
  });

  it('refuses a signature made over the same fields without the label', () => {
    const fields = serialiseTreeHead(head()).subarray(TREE_HEAD_CONTEXT.length + 1);
    const bare = { ...head(), signature: toBase64(sign(null, fields, privateKey)) };
    expect(verifyTreeHead(bare, publicKey)).toBe(false);
  });

  it('says which key it needs when given one that is not Ed25519, since that is a configuration mistake', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const signed = signTreeHead(head(), privateKey);
    const signing = 'Signing a tree head needs an Ed25519 private key.';
    const verifying = 'Verifying a tree head needs an Ed25519 public key.';
    expect(thrown(() => signTreeHead(head(), rsa.privateKey), TypeError).message).toBe(signing);
    expect(thrown(() => signTreeHead(head(), publicKey), TypeError).message).toBe(signing);
    expect(thrown(() => signTreeHead(head(), publicKey.export({ format: 'jwk' })), TypeError).message).toBe(
      'The JWK is not a usable key.',
    );
    expect(thrown(() => verifyTreeHead(signed, rsa.publicKey), TypeError).message).toBe(verifying);
    expect(thrown(() => verifyTreeHead(signed, rsa.privateKey), TypeError).message).toBe(verifying);
  });

  it('says a JWK it cannot load is not a usable key, keeping what the loader said', () => {
    const error = thrown(
      () => verifyTreeHead(signTreeHead(head(), privateKey), { kty: 'OKP', crv: 'Ed25519' }),
      TypeError,
    );
    expect(error.message).toBe('The JWK is not a usable key.');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('refuses to sign a malformed head', () => {
    const malformed: TreeHead = { ...head(), treeSize: Number.NaN };
    expect(() => signTreeHead(malformed, privateKey)).toThrow(ValidationError);
  });
});
