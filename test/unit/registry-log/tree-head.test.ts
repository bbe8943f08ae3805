import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { toBase64 } from '#domain/registry-log/hashing.ts';
import { rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import {
  serialiseTreeHead,
  signTreeHead,
  TREE_HEAD_CONTEXT,
  treeHead,
  verifyTreeHead,
} from '#domain/registry-log/tree-head.ts';
import { hex, leafHashesOf } from './helpers.ts';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const head = treeHead(5, rootFromLeafHashes(leafHashesOf(5)), 1_790_000_000_000);

describe('serialiseTreeHead', () => {
  it('lays out the label, then the RFC 6962 TreeHeadSignature fields, big-endian', () => {
    const root = hex('ab'.repeat(32));
    const bytes = serialiseTreeHead(treeHead(0x0102, root, 0x0a0b0c0d0e0f));
    const label = new TextEncoder().encode(TREE_HEAD_CONTEXT);
    expect(Buffer.from(bytes).toString('hex')).toBe(
      [
        Buffer.from(label).toString('hex'),
        '00', // end of label
        '00', // version v1
        '01', // signature_type tree_hash
        '00000a0b0c0d0e0f', // timestamp
        '0000000000000102', // tree_size
        'ab'.repeat(32),
      ].join(''),
    );
  });

  it('gives different bytes for heads that differ in any field', () => {
    const variants = [
      head,
      { ...head, treeSize: 6 },
      { ...head, timestamp: head.timestamp + 1 },
      { ...head, rootHash: toBase64(new Uint8Array(32)) },
    ];
    const encoded = new Set(variants.map((variant) => Buffer.from(serialiseTreeHead(variant)).toString('hex')));
    expect(encoded.size).toBe(variants.length);
  });

  it.each([
    { case: 'a negative size', bad: { ...head, treeSize: -1 }, field: 'treeSize' },
    { case: 'a fractional timestamp', bad: { ...head, timestamp: 1.5 }, field: 'timestamp' },
    { case: 'a root of 31 bytes', bad: { ...head, rootHash: toBase64(new Uint8Array(31)) }, field: 'rootHash' },
    { case: 'a root that is not base64', bad: { ...head, rootHash: '***' }, field: 'rootHash' },
    {
      case: 'a root in URL-safe base64',
      bad: {
        ...head,
        rootHash: toBase64(hex('fb'.repeat(32)))
          .replaceAll('+', '-')
          .replaceAll('/', '_'),
      },
      field: 'rootHash',
    },
  ])('refuses a head with $case', ({ bad, field }) => {
    const error = (() => {
      try {
        serialiseTreeHead(bad);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((issue) => issue.field)).toEqual([field]);
  });
});

describe('signing and verifying tree heads', () => {
  it('verifies a head it signed, with the key as KeyObject or JWK', () => {
    const signed = signTreeHead(head, privateKey);
    expect(signed).toMatchObject(head);
    expect(verifyTreeHead(signed, publicKey)).toBe(true);
    expect(verifyTreeHead(signed, publicKey.export({ format: 'jwk' }))).toBe(true);
    expect(verifyTreeHead(signTreeHead(head, privateKey.export({ format: 'jwk' })), publicKey)).toBe(true);
  });

  it('signs deterministically, as Ed25519 does', () => {
    expect(signTreeHead(head, privateKey).signature).toBe(signTreeHead(head, privateKey).signature);
  });

  it('accepts the private key where the public one is expected, since it holds it', () => {
    expect(verifyTreeHead(signTreeHead(head, privateKey), privateKey)).toBe(true);
  });

  it.each([
    { case: 'a larger size', change: { treeSize: head.treeSize + 1 } },
    { case: 'a later timestamp', change: { timestamp: head.timestamp + 1 } },
    { case: 'another root', change: { rootHash: toBase64(new Uint8Array(32)) } },
    { case: 'a malformed root', change: { rootHash: 'not base64!' } },
    { case: 'a truncated signature', change: { signature: 'AAAA' } },
    { case: 'a signature that is not base64', change: { signature: '!'.repeat(88) } },
  ])('refuses a signed head changed to $case', ({ change }) => {
    expect(verifyTreeHead({ ...signTreeHead(head, privateKey), ...change }, publicKey)).toBe(false);
  });

  it('refuses a head signed by another key', () => {
    expect(verifyTreeHead(signTreeHead(head, other.privateKey), publicKey)).toBe(false);
  });

  it('refuses a signature made over the same fields without the label', () => {
    const fields = serialiseTreeHead(head).subarray(TREE_HEAD_CONTEXT.length + 1);
    const bare = { ...head, signature: toBase64(sign(null, fields, privateKey)) };
    expect(verifyTreeHead(bare, publicKey)).toBe(false);
  });

  it('throws on keys that are not Ed25519, since that is a configuration mistake', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    expect(() => signTreeHead(head, rsa.privateKey)).toThrow(TypeError);
    expect(() => signTreeHead(head, publicKey)).toThrow(TypeError);
    expect(() => verifyTreeHead(signTreeHead(head, privateKey), rsa.publicKey)).toThrow(TypeError);
    expect(() => verifyTreeHead(signTreeHead(head, privateKey), { kty: 'OKP', crv: 'Ed25519' })).toThrow(TypeError);
  });

  it('refuses to sign a malformed head', () => {
    expect(() => signTreeHead({ ...head, treeSize: Number.NaN }, privateKey)).toThrow(ValidationError);
  });
});
