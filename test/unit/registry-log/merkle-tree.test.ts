import { describe, expect, it } from 'vitest';
import { ValidationError } from '#domain/errors.ts';
import { emptyRootHash } from '#domain/registry-log/hashing.ts';
import {
  consistencyProof,
  inclusionProof,
  rootFromLeafHashes,
  rootFromSource,
  splitPoint,
} from '#domain/registry-log/merkle-tree.ts';
import { verifyConsistency, verifyInclusion } from '#domain/registry-log/verify-proofs.ts';
import { leafHashesOf } from './helpers.ts';

const leafHashes = leafHashesOf(10);
const getLeafHash = (index: number) => leafHashes[index] as Uint8Array;

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
    expect(rootFromSource(7, getLeafHash)).toEqual(rootFromLeafHashes(leafHashes.slice(0, 7)));
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
    { leafIndex: -1, treeSize: 4 },
    { leafIndex: 4, treeSize: 4 },
    { leafIndex: 0, treeSize: 0 },
    { leafIndex: 1.5, treeSize: 4 },
    { leafIndex: 0, treeSize: -1 },
  ])('refuses an inclusion proof for leaf $leafIndex of $treeSize', ({ leafIndex, treeSize }) => {
    expect(() => inclusionProof(leafIndex, treeSize, getLeafHash)).toThrow(ValidationError);
  });

  it.each([
    { oldSize: 5, newSize: 4 },
    { oldSize: -1, newSize: 4 },
    { oldSize: 1, newSize: Number.NaN },
  ])('refuses a consistency proof from $oldSize to $newSize', ({ oldSize, newSize }) => {
    expect(() => consistencyProof(oldSize, newSize, getLeafHash)).toThrow(ValidationError);
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
  const rootHash = rootFromLeafHashes(leafHashes.slice(0, 4));
  const proof = inclusionProof(1, 4, getLeafHash);
  const good = { leafIndex: 1, treeSize: 4, leafHash: getLeafHash(1), proof, rootHash };

  it.each([
    { case: 'an index past the end', claim: { ...good, leafIndex: 4 } },
    { case: 'a negative index', claim: { ...good, leafIndex: -1 } },
    { case: 'a fractional size', claim: { ...good, treeSize: 4.5 } },
    { case: 'an empty tree', claim: { ...good, leafIndex: 0, treeSize: 0 } },
    { case: 'a short leaf hash', claim: { ...good, leafHash: good.leafHash.subarray(1) } },
    {
      case: 'a short proof node',
      claim: { ...good, proof: [proof[0]?.subarray(1) ?? new Uint8Array(), ...proof.slice(1)] },
    },
  ])('refuses an inclusion claim with $case', ({ claim }) => {
    expect(verifyInclusion(claim)).toBe(false);
  });

  const empty = emptyRootHash();
  const root6 = rootFromLeafHashes(leafHashes.slice(0, 6));
  it.each([
    { case: 'a shrinking log', claim: { oldSize: 6, newSize: 4, oldRoot: root6, newRoot: rootHash, proof: [] } },
    {
      case: 'equal sizes but different roots',
      claim: { oldSize: 4, newSize: 4, oldRoot: rootHash, newRoot: root6, proof: [] },
    },
    {
      case: 'equal sizes and a needless proof',
      claim: { oldSize: 4, newSize: 4, oldRoot: rootHash, newRoot: rootHash, proof: [empty] },
    },
    {
      case: 'an empty old tree with a wrong root',
      claim: { oldSize: 0, newSize: 4, oldRoot: rootHash, newRoot: rootHash, proof: [] },
    },
    {
      case: 'an empty old tree and a needless proof',
      claim: { oldSize: 0, newSize: 4, oldRoot: empty, newRoot: rootHash, proof: [empty] },
    },
    {
      case: 'two empty trees with a wrong root',
      claim: { oldSize: 0, newSize: 0, oldRoot: empty, newRoot: rootHash, proof: [] },
    },
    {
      case: 'a growing log and no proof',
      claim: { oldSize: 4, newSize: 6, oldRoot: rootHash, newRoot: root6, proof: [] },
    },
  ])('refuses a consistency claim with $case', ({ claim }) => {
    expect(verifyConsistency(claim)).toBe(false);
  });

  it('accepts the empty log as a prefix of any log', () => {
    expect(verifyConsistency({ oldSize: 0, newSize: 6, oldRoot: empty, newRoot: root6, proof: [] })).toBe(true);
    expect(verifyConsistency({ oldSize: 0, newSize: 0, oldRoot: empty, newRoot: empty, proof: [] })).toBe(true);
  });
});
