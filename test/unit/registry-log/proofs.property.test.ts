// Properties of proofs over every small tree. Generation follows RFC 6962 and verification follows
// RFC 9162's different algorithm, so agreement between them is a real check, not a tautology.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leafHash, nodeHash } from '#domain/registry-log/hashing.ts';
import { consistencyProof, inclusionProof, rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import { verifyConsistency, verifyInclusion } from '#domain/registry-log/verify-proofs.ts';
import { flipBit, leafHashesOf } from './helpers.ts';
import { perTest } from '../../support/per-test.ts';

const MAX_SIZE = 64;
const leafHashes = perTest(() => leafHashesOf(MAX_SIZE));
const getLeafHash = (index: number) => leafHashes()[index] as Uint8Array;
const roots = perTest(() =>
  Array.from({ length: MAX_SIZE + 1 }, (_, size) => rootFromLeafHashes(leafHashes().slice(0, size))),
);
const rootOf = (size: number) => roots()[size] as Uint8Array;

/** Any tree size with an index inside it. */
const sizeAndIndex = fc
  .integer({ min: 1, max: MAX_SIZE })
  .chain((treeSize) => fc.record({ treeSize: fc.constant(treeSize), leafIndex: fc.nat({ max: treeSize - 1 }) }));

/** Two sizes where the proof between them is not empty. */
const growingSizes = fc
  .integer({ min: 2, max: MAX_SIZE })
  .chain((newSize) => fc.record({ newSize: fc.constant(newSize), oldSize: fc.integer({ min: 1, max: newSize - 1 }) }));

function inclusionClaim(leafIndex: number, treeSize: number) {
  return {
    leafIndex,
    treeSize,
    leafHash: getLeafHash(leafIndex),
    proof: inclusionProof(leafIndex, treeSize, getLeafHash),
    rootHash: rootOf(treeSize),
  };
}

function consistencyClaim(oldSize: number, newSize: number) {
  return {
    oldSize,
    newSize,
    oldRoot: rootOf(oldSize),
    newRoot: rootOf(newSize),
    proof: consistencyProof(oldSize, newSize, getLeafHash),
  };
}

describe('the Merkle tree hash', () => {
  // A second, independent construction: hash level by level, carrying an odd last node up unchanged.
  // RFC 6962's "split at the largest power of two" tree is exactly this tree.
  function levelByLevel(hashes: Uint8Array[]): Uint8Array {
    let level = hashes;
    while (level.length > 1) {
      const next: Uint8Array[] = [];
      for (let i = 0; i < level.length; i += 2) {
        const right = level[i + 1];
        next.push(right ? nodeHash(level[i] as Uint8Array, right) : (level[i] as Uint8Array));
      }
      level = next;
    }
    return level[0] as Uint8Array;
  }

  it('matches a level-by-level construction for any entries', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 24 }), { minLength: 1, maxLength: 100 }), (entries) => {
        const hashes = entries.map(leafHash);
        expect(rootFromLeafHashes(hashes)).toEqual(levelByLevel(hashes));
      }),
    );
  });
});

describe('inclusion proofs', () => {
  it(`verify for every index of every tree up to ${MAX_SIZE} leaves`, () => {
    for (let treeSize = 1; treeSize <= MAX_SIZE; treeSize++) {
      for (let leafIndex = 0; leafIndex < treeSize; leafIndex++) {
        expect(verifyInclusion(inclusionClaim(leafIndex, treeSize)), `${leafIndex} of ${treeSize}`).toBe(true);
      }
    }
  });

  it('are as long as the path from the leaf to the root, never longer than ceil(log2 n)', () => {
    fc.assert(
      fc.property(sizeAndIndex, ({ leafIndex, treeSize }) => {
        expect(inclusionProof(leafIndex, treeSize, getLeafHash).length).toBeLessThanOrEqual(
          Math.ceil(Math.log2(treeSize)),
        );
      }),
    );
  });

  it('fail when any bit of any proof node is flipped', () => {
    fc.assert(
      fc.property(sizeAndIndex, fc.nat(), fc.nat({ max: 255 }), ({ leafIndex, treeSize }, pick, bit) => {
        const claim = inclusionClaim(leafIndex, treeSize);
        fc.pre(claim.proof.length > 0);
        const at = pick % claim.proof.length;
        const proof = claim.proof.map((node, index) => (index === at ? flipBit(node, bit) : node));
        expect(verifyInclusion({ ...claim, proof })).toBe(false);
      }),
    );
  });

  it('fail when any bit of the leaf hash or of the root is flipped', () => {
    fc.assert(
      fc.property(sizeAndIndex, fc.nat({ max: 255 }), ({ leafIndex, treeSize }, bit) => {
        const claim = inclusionClaim(leafIndex, treeSize);
        expect(verifyInclusion({ ...claim, leafHash: flipBit(claim.leafHash, bit) })).toBe(false);
        expect(verifyInclusion({ ...claim, rootHash: flipBit(claim.rootHash, bit) })).toBe(false);
      }),
    );
  });

  it('do not verify a leaf at any other index of the same tree', () => {
    for (let treeSize = 2; treeSize <= 16; treeSize++) {
      for (let leafIndex = 0; leafIndex < treeSize; leafIndex++) {
        const claim = inclusionClaim(leafIndex, treeSize);
        for (let other = 0; other < treeSize; other++) {
          if (other !== leafIndex) expect(verifyInclusion({ ...claim, leafIndex: other })).toBe(false);
        }
      }
    }
  });
});

describe('consistency proofs', () => {
  it(`verify for every pair of sizes m <= n up to ${MAX_SIZE} leaves`, () => {
    for (let newSize = 0; newSize <= MAX_SIZE; newSize++) {
      for (let oldSize = 0; oldSize <= newSize; oldSize++) {
        expect(verifyConsistency(consistencyClaim(oldSize, newSize)), `${oldSize} to ${newSize}`).toBe(true);
      }
    }
  });

  it('fail when any bit of any proof node is flipped', () => {
    fc.assert(
      fc.property(growingSizes, fc.nat(), fc.nat({ max: 255 }), ({ oldSize, newSize }, pick, bit) => {
        const claim = consistencyClaim(oldSize, newSize);
        const at = pick % claim.proof.length;
        const proof = claim.proof.map((node, index) => (index === at ? flipBit(node, bit) : node));
        expect(verifyConsistency({ ...claim, proof })).toBe(false);
      }),
    );
  });

  it('fail when any bit of either root is flipped', () => {
    fc.assert(
      fc.property(growingSizes, fc.nat({ max: 255 }), ({ oldSize, newSize }, bit) => {
        const claim = consistencyClaim(oldSize, newSize);
        expect(verifyConsistency({ ...claim, oldRoot: flipBit(claim.oldRoot, bit) })).toBe(false);
        expect(verifyConsistency({ ...claim, newRoot: flipBit(claim.newRoot, bit) })).toBe(false);
      }),
    );
  });

  it('fail when the new tree rewrote an old entry', () => {
    fc.assert(
      fc.property(growingSizes, fc.nat(), ({ oldSize, newSize }, pick) => {
        const changed = pick % oldSize;
        const forged = leafHashes()
          .slice(0, newSize)
          .map((hash, index) => (index === changed ? flipBit(hash, 0) : hash));
        const forgedSource = (index: number) => forged[index] as Uint8Array;
        const claim = {
          oldSize,
          newSize,
          oldRoot: rootOf(oldSize),
          newRoot: rootFromLeafHashes(forged),
          proof: consistencyProof(oldSize, newSize, forgedSource),
        };
        expect(verifyConsistency(claim)).toBe(false);
      }),
    );
  });
});
