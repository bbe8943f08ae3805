import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { emptyRootHash, type Hash } from '#domain/registry-log/hashing.ts';
import {
  consistencyProof,
  inclusionProof,
  rootFromLeafHashes,
  rootFromSource,
  splitPoint,
} from '#domain/registry-log/merkle-tree.ts';
import { type InclusionClaim, verifyConsistency, verifyInclusion } from '#domain/registry-log/verify-proofs.ts';
import { perTest } from '../../support/per-test.ts';
import { thrown } from '../../support/thrown.ts';
import { leafHashesOf } from './helpers.ts';

const leafHashes = perTest(() => leafHashesOf(10));
const getLeafHash = (index: number) => leafHashes()[index] as Uint8Array;

describe('splitPoint', () => {
  it.each([
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 4],
    [8, 4],
    [9, 8],
    [1025, 1024],
  ])('splits a tree of %i leaves after the first %i', (n, k) => {
    expect(splitPoint(n)).toBe(k);
  });
});

describe('building trees and proofs', () => {
  it('gives the empty tree the hash of nothing', () => {
    expect(rootFromLeafHashes([])).toEqual(emptyRootHash());
    expect(rootFromSource(0, getLeafHash)).toEqual(emptyRootHash());
  });

  it('reads the same root through a source as from an array', () => {
    expect(rootFromSource(7, getLeafHash)).toEqual(rootFromLeafHashes(leafHashes().slice(0, 7)));
  });

  it('reads only the leaves inside the tree it is asked about', () => {
    const read = new Set<number>();
    inclusionProof(2, 5, (index) => {
      read.add(index);
      return getLeafHash(index);
    });
    expect(Math.max(...read)).toBe(4);
  });

  it.each([
    { leafIndex: -1, treeSize: 4, issue: { field: 'leafIndex', message: 'Enter a whole number from 0 to 3.' } },
    { leafIndex: 4, treeSize: 4, issue: { field: 'leafIndex', message: 'Enter a whole number from 0 to 3.' } },
    { leafIndex: 1.5, treeSize: 4, issue: { field: 'leafIndex', message: 'Enter a whole number from 0 to 3.' } },
    { leafIndex: 0, treeSize: 0, issue: { field: 'leafIndex', message: 'There is no leaf in an empty tree.' } },
    { leafIndex: 0, treeSize: -1, issue: { field: 'treeSize', message: 'Enter a whole number, 0 or more.' } },
    { leafIndex: 0, treeSize: 2.5, issue: { field: 'treeSize', message: 'Enter a whole number, 0 or more.' } },
  ])('refuses an inclusion proof for leaf $leafIndex of $treeSize, saying why', ({ leafIndex, treeSize, issue }) => {
    expect(thrown(() => inclusionProof(leafIndex, treeSize, getLeafHash), ValidationError).issues).toEqual([issue]);
  });

  it.each([
    { oldSize: 5, newSize: 4, issue: { field: 'oldSize', message: 'Enter a whole number from 0 to 4.' } },
    { oldSize: -1, newSize: 4, issue: { field: 'oldSize', message: 'Enter a whole number from 0 to 4.' } },
    { oldSize: 1, newSize: Number.NaN, issue: { field: 'newSize', message: 'Enter a whole number, 0 or more.' } },
  ])('refuses a consistency proof from $oldSize to $newSize, saying why', ({ oldSize, newSize, issue }) => {
    expect(thrown(() => consistencyProof(oldSize, newSize, getLeafHash), ValidationError).issues).toEqual([issue]);
  });

  it.each([-1, 0.5, Number.POSITIVE_INFINITY])('refuses the root of a tree of %d leaves, naming its size', (size) => {
    expect(thrown(() => rootFromSource(size, getLeafHash), ValidationError).issues).toEqual([
      { field: 'treeSize', message: 'Enter a whole number, 0 or more.' },
    ]);
  });

  it('gives an empty consistency proof from the empty tree and between equal sizes', () => {
    expect(consistencyProof(0, 6, getLeafHash)).toEqual([]);
    expect(consistencyProof(6, 6, getLeafHash)).toEqual([]);
  });

  it('treats a stored leaf hash of the wrong length as a broken store, not bad input', () => {
    const broken = (index: number) => (index === 3 ? new Uint8Array(31) : getLeafHash(index));
    expect(() => rootFromSource(5, broken)).toThrow(/index 3/);
    expect(() => rootFromSource(5, broken)).not.toThrow(ValidationError);
  });
});

describe('verifying malformed claims', () => {
  /** A true claim: leaf 1 is in the tree of the first 4 leaves. */
  const good = perTest(
    (): InclusionClaim => ({
      leafIndex: 1,
      treeSize: 4,
      leafHash: getLeafHash(1),
      proof: inclusionProof(1, 4, getLeafHash),
      rootHash: rootFromLeafHashes(leafHashes().slice(0, 4)),
    }),
  );

  it.each([
    { case: 'an index past the end', change: () => ({ leafIndex: 4 }) },
    { case: 'a negative index', change: () => ({ leafIndex: -1 }) },
    { case: 'a fractional size', change: () => ({ treeSize: 4.5 }) },
    { case: 'an empty tree', change: () => ({ leafIndex: 0, treeSize: 0 }) },
    { case: 'a short leaf hash', change: () => ({ leafHash: good().leafHash.subarray(1) }) },
    {
      case: 'a short proof node',
      change: () => ({ proof: [good().proof[0]?.subarray(1) ?? new Uint8Array(), ...good().proof.slice(1)] }),
    },
  ])('refuses an inclusion claim with $case', ({ change }) => {
    expect(verifyInclusion({ ...good(), ...change() })).toBe(false);
  });

  it('refuses to place the only leaf of a one-leaf tree at index 1, where no leaf is', () => {
    const only = getLeafHash(0);
    expect(verifyInclusion({ leafIndex: 0, treeSize: 1, leafHash: only, proof: [], rootHash: only })).toBe(true);
    expect(verifyInclusion({ leafIndex: 1, treeSize: 1, leafHash: only, proof: [], rootHash: only })).toBe(false);
  });

  it('refuses a proof that hides two hashes in one node to pass off a leaf hash that is not one', () => {
    // SHA-256(0x01 || "" || left || right) is the root of two leaves: an empty "leaf hash" and one
    // 64-byte "node" hash to it. Only the length of each hash tells this claim from a true one.
    const [left, right] = [getLeafHash(0), getLeafHash(1)];
    const forged: InclusionClaim = {
      leafIndex: 0,
      treeSize: 2,
      leafHash: new Uint8Array(),
      proof: [new Uint8Array([...left, ...right])],
      rootHash: rootFromLeafHashes([left, right]),
    };
    expect(verifyInclusion(forged)).toBe(false);
    // The same trick with a short root and leaf: a "tree" of one leaf whose hash is its root.
    const short = new Uint8Array(5);
    expect(verifyInclusion({ leafIndex: 0, treeSize: 1, leafHash: short, proof: [], rootHash: short })).toBe(false);
  });

  const empty = emptyRootHash;
  const root = (size: number) => rootFromLeafHashes(leafHashes().slice(0, size));
  it.each([
    {
      case: 'a shrinking log',
      claim: () => ({ oldSize: 6, newSize: 4, oldRoot: root(6), newRoot: root(4), proof: [] }),
    },
    {
      case: 'a log that claims to have shrunk and kept its root',
      claim: () => ({ oldSize: 3, newSize: 1, oldRoot: root(1), newRoot: root(1), proof: [root(1)] }),
    },
    {
      case: 'a negative old size',
      claim: () => ({ oldSize: -1, newSize: 1, oldRoot: root(1), newRoot: root(1), proof: [root(1)] }),
    },
    {
      case: 'a fractional new size',
      claim: () => ({ oldSize: 1, newSize: 1.5, oldRoot: root(1), newRoot: root(1), proof: [] }),
    },
    {
      case: 'equal sizes but different roots',
      claim: () => ({ oldSize: 4, newSize: 4, oldRoot: root(4), newRoot: root(6), proof: [] }),
    },
    {
      case: 'equal sizes and roots that are not hashes',
      claim: () => ({ oldSize: 4, newSize: 4, oldRoot: new Uint8Array(5), newRoot: new Uint8Array(5), proof: [] }),
    },
    {
      case: 'equal sizes and a needless proof',
      claim: () => ({ oldSize: 4, newSize: 4, oldRoot: root(4), newRoot: root(4), proof: [empty()] }),
    },
    {
      case: 'an empty old tree with a wrong root',
      claim: () => ({ oldSize: 0, newSize: 4, oldRoot: root(4), newRoot: root(4), proof: [] }),
    },
    {
      case: 'an empty old tree and a needless proof',
      claim: () => ({ oldSize: 0, newSize: 4, oldRoot: empty(), newRoot: root(4), proof: [empty()] }),
    },
    {
      case: 'two empty trees with a wrong root',
      claim: () => ({ oldSize: 0, newSize: 0, oldRoot: empty(), newRoot: root(4), proof: [] }),
    },
    {
      case: 'a growing log and no proof',
      claim: () => ({ oldSize: 4, newSize: 6, oldRoot: root(4), newRoot: root(6), proof: [] as Hash[] }),
    },
  ])('refuses a consistency claim with $case', ({ claim }) => {
    expect(verifyConsistency(claim())).toBe(false);
  });

  it('accepts the empty log as a prefix of any log', () => {
    expect(verifyConsistency({ oldSize: 0, newSize: 6, oldRoot: empty(), newRoot: root(6), proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 0, newSize: 0, oldRoot: empty(), newRoot: empty(), proof: [] })).toBe(true);
  });
});
