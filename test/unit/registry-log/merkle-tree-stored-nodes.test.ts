// The Merkle tree read through stored interior nodes: a node is taken from the store only for a
// perfect, aligned subtree (the only ones the log stores), a stored node of the wrong size is a broken
// store, not a tree, and a range is checked before anything is read.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { emptyRootHash, HASH_BYTES, leafHash } from '#domain/registry-log/hashing.ts';
import { consistencyProof, rootFromLeafHashes, subtreeRoot } from '#domain/registry-log/merkle-tree.ts';
import { thrown } from '../../support/thrown.ts';

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(new TextEncoder().encode(`entry ${i}`)));

describe('a subtree read through stored nodes', () => {
  it('asks the store only for perfect subtrees at their own alignment, and trusts nothing else it offers', () => {
    const hashes = leaves(11);
    const asked: Array<[number, number]> = [];
    // A store that answers every question with a wrong (but well-formed) hash: only what the tree
    // would never ask for could be taken from it without changing the root.
    const bogus = new Uint8Array(HASH_BYTES).fill(0xff);
    const root = subtreeRoot(
      0,
      11,
      (i) => hashes[i] as Uint8Array,
      (start, size) => {
        asked.push([start, size]);
        return size === 0 || (size & (size - 1)) !== 0 || start % size !== 0 ? bogus : undefined;
      },
    );
    expect(root).toEqual(rootFromLeafHashes(hashes));
    expect(asked.length).toBeGreaterThan(0);
    for (const [start, size] of asked) {
      expect(size > 0 && (size & (size - 1)) === 0 && start % size === 0, `[${start}, +${size})`).toBe(true);
    }
  });

  it('refuses a stored node that is not a 32-byte hash, naming it', () => {
    const hashes = leaves(8);
    const short = () =>
      subtreeRoot(
        0,
        8,
        (i) => hashes[i] as Uint8Array,
        (start, size) => (start === 0 && size === 8 ? new Uint8Array(31) : undefined),
      );
    expect(short).toThrow('The stored hash of node [0, 8) is not 32 bytes long.');
    const notBytes = () =>
      subtreeRoot(
        0,
        4,
        (i) => hashes[i] as Uint8Array,
        (start, size) => (start === 0 && size === 4 ? ('x'.repeat(32) as unknown as Uint8Array) : undefined),
      );
    expect(notBytes).toThrow('The stored hash of node [0, 4) is not 32 bytes long.');
  });

  it.each([
    [-1, 2],
    [3, 2],
    [0.5, 2],
    [0, Number.NaN],
    [Number.MAX_SAFE_INTEGER + 1, Number.MAX_SAFE_INTEGER + 2],
  ])('refuses the range [%s, %s) before reading anything', (start, end) => {
    let reads = 0;
    const error = thrown(
      () =>
        subtreeRoot(start, end, () => {
          reads++;
          return new Uint8Array(HASH_BYTES);
        }),
      ValidationError,
    );
    expect(error.issues).toEqual([{ field: 'range', message: 'Give whole numbers with 0 ≤ start ≤ end.' }]);
    expect(reads).toBe(0);
  });

  it('gives the empty tree’s hash for an empty range, and one leaf’s own hash for one', () => {
    const hashes = leaves(3);
    expect(subtreeRoot(2, 2, (i) => hashes[i] as Uint8Array)).toEqual(emptyRootHash());
    expect(subtreeRoot(1, 2, (i) => hashes[i] as Uint8Array)).toEqual(hashes[1]);
  });
});

describe('a consistency proof between a tree and itself', () => {
  it('is empty, and reads no leaf', () => {
    let reads = 0;
    const proof = consistencyProof(5, 5, () => {
      reads++;
      return new Uint8Array(HASH_BYTES);
    });
    expect(proof).toEqual([]);
    expect(reads).toBe(0);
  });
});
