import { describe, expect, it } from 'vitest';
import { fromBase64, hashesEqual, leafHash, toBase64 } from '#domain/registry-log/hashing.ts';

const hash = () => leafHash(new TextEncoder().encode('entry-0'));

describe('comparing hashes', () => {
  it('counts two copies of a hash as equal, and a hash with one changed byte as not', () => {
    const changed = new Uint8Array(hash());
    changed[31] = (changed[31] ?? 0) ^ 1;
    expect(hashesEqual(hash(), new Uint8Array(hash()))).toBe(true);
    expect(hashesEqual(hash(), changed)).toBe(false);
  });

  it('never counts a hash as equal to its own prefix or to a longer value that starts with it', () => {
    expect(hashesEqual(hash().subarray(0, 31), hash())).toBe(false);
    expect(hashesEqual(hash(), new Uint8Array([...hash(), 0]))).toBe(false);
    expect(hashesEqual(new Uint8Array(), hash())).toBe(false);
  });
});

describe('reading base64', () => {
  it('reads back what it wrote', () => {
    expect(fromBase64(toBase64(hash()))).toEqual(new Uint8Array(hash()));
  });

  it.each([
    ['URL-safe base64', '-_8='],
    ['text with characters base64 has not', 'AA*A'],
    ['base64 without its padding', 'AAE'],
  ])('refuses %s, so one root has exactly one spelling', (_what, text) => {
    expect(fromBase64(text)).toBeNull();
  });

  it.each([5, null, undefined, {}])('refuses a stored value that is not text at all (%j)', (value) => {
    expect(fromBase64(value as unknown as string)).toBeNull();
  });
});
