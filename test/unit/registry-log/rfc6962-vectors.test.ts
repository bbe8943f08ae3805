// Known answers for RFC 6962 trees, from Google Trillian's test data (merkle/testonly/constants.go and
// merkle/log_verifier_test.go): eight leaf inputs, the root of every prefix, and audit and
// consistency paths computed by an independent implementation. Matching them is what lets any
// Certificate Transparency tool check our proofs.
import { describe, expect, it } from 'vitest';
import { emptyRootHash, leafHash, nodeHash } from '#domain/registry-log/hashing.ts';
import { consistencyProof, inclusionProof, rootFromLeafHashes } from '#domain/registry-log/merkle-tree.ts';
import { verifyConsistency, verifyInclusion } from '#domain/registry-log/verify-proofs.ts';
import { hex, replaceAt } from './helpers.ts';
import { perTest } from '../../support/per-test.ts';

const leafInputs = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];

const expectedLeafHashes = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
];

/** Roots of the trees of the first 0..8 leaves. */
const expectedRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const inclusionCases = [
  { leafIndex: 0, treeSize: 1, proof: [] },
  {
    leafIndex: 0,
    treeSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leafIndex: 5,
    treeSize: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leafIndex: 2, treeSize: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leafIndex: 1,
    treeSize: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const consistencyCases = [
  { oldSize: 1, newSize: 1, proof: [] },
  {
    oldSize: 1,
    newSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
];

const leafHashes = perTest(() => leafInputs.map((input) => leafHash(hex(input))));
const getLeafHash = (index: number) => leafHashes()[index] as Uint8Array;
const root = (size: number) => hex(expectedRoots[size] as string);
const asHex = (hashes: Uint8Array[]) => hashes.map((hash) => Buffer.from(hash).toString('hex'));

describe('RFC 6962 hashes', () => {
  it('hashes the empty tree as SHA-256 of nothing', () => {
    expect(asHex([emptyRootHash()])).toEqual([expectedRoots[0]]);
  });

  it('hashes each leaf with the 0x00 prefix', () => {
    expect(asHex(leafHashes())).toEqual(expectedLeafHashes);
  });

  it('hashes an interior node with the 0x01 prefix', () => {
    const [first, second] = leafHashes() as [Uint8Array, Uint8Array];
    expect(asHex([nodeHash(first, second)])).toEqual([expectedRoots[2]]);
  });

  it.each(expectedRoots.map((expected, size) => ({ size, expected })))(
    'computes the known root of the first $size leaves',
    ({ size, expected }) => {
      expect(asHex([rootFromLeafHashes(leafHashes().slice(0, size))])).toEqual([expected]);
    },
  );
});

describe('RFC 6962 inclusion proofs', () => {
  it.each(inclusionCases)('builds the known audit path for leaf $leafIndex of $treeSize', (c) => {
    expect(asHex(inclusionProof(c.leafIndex, c.treeSize, getLeafHash))).toEqual(c.proof);
  });

  it.each(inclusionCases)('verifies the known audit path for leaf $leafIndex of $treeSize', (c) => {
    const claim = { ...c, leafHash: getLeafHash(c.leafIndex), proof: c.proof.map(hex), rootHash: root(c.treeSize) };
    expect(verifyInclusion(claim)).toBe(true);
  });

  // The mutations Trillian's verifier test applies to each known proof; every one must be refused.
  it.each(inclusionCases.filter((c) => c.proof.length > 0))(
    'refuses every mutation of the known path for leaf $leafIndex of $treeSize',
    (c) => {
      const good = { ...c, leafHash: getLeafHash(c.leafIndex), proof: c.proof.map(hex), rootHash: root(c.treeSize) };
      const empty = emptyRootHash();
      const mutations = [
        { ...good, leafIndex: good.leafIndex - 1 },
        { ...good, leafIndex: good.leafIndex + 1 },
        { ...good, leafIndex: good.leafIndex ^ 2 },
        { ...good, treeSize: good.treeSize * 2 },
        { ...good, treeSize: Math.floor(good.treeSize / 2) },
        { ...good, leafHash: leafHash(new TextEncoder().encode('WrongLeaf')) },
        { ...good, rootHash: empty },
        { ...good, proof: [...good.proof, new Uint8Array()] },
        { ...good, proof: [...good.proof, good.rootHash] },
        { ...good, proof: good.proof.slice(0, -1) },
        { ...good, proof: [new Uint8Array(), ...good.proof] },
        { ...good, proof: [good.rootHash, ...good.proof] },
        ...good.proof.map((_, index) => ({ ...good, proof: replaceAt(good.proof, index, empty) })),
      ];
      for (const mutation of mutations) expect(verifyInclusion(mutation)).toBe(false);
    },
  );
});

describe('RFC 6962 consistency proofs', () => {
  it.each(consistencyCases)('builds the known proof from $oldSize to $newSize leaves', (c) => {
    expect(asHex(consistencyProof(c.oldSize, c.newSize, getLeafHash))).toEqual(c.proof);
  });

  it.each(consistencyCases)('verifies the known proof from $oldSize to $newSize leaves', (c) => {
    const claim = { ...c, oldRoot: root(c.oldSize), newRoot: root(c.newSize), proof: c.proof.map(hex) };
    expect(verifyConsistency(claim)).toBe(true);
  });

  it.each(consistencyCases.filter((c) => c.proof.length > 0))(
    'refuses every mutation of the known proof from $oldSize to $newSize leaves',
    (c) => {
      const good = { ...c, oldRoot: root(c.oldSize), newRoot: root(c.newSize), proof: c.proof.map(hex) };
      const first = good.proof[0] as Uint8Array;
      const mutations = [
        { ...good, oldSize: good.oldSize - 1 },
        { ...good, oldSize: good.oldSize + 1 },
        { ...good, oldSize: good.oldSize ^ 2 },
        { ...good, newSize: good.newSize * 2 },
        { ...good, newSize: Math.floor(good.newSize / 2) },
        { ...good, oldRoot: hex('00'.repeat(32)) },
        { ...good, newRoot: hex('00'.repeat(32)) },
        { ...good, oldRoot: good.newRoot, newRoot: good.oldRoot },
        { ...good, proof: [] },
        { ...good, proof: [...good.proof, new Uint8Array()] },
        { ...good, proof: [...good.proof, good.oldRoot] },
        { ...good, proof: good.proof.slice(0, -1) },
        { ...good, proof: [new Uint8Array(), ...good.proof] },
        { ...good, proof: [first, ...good.proof] },
        ...good.proof.map((_, index) => ({ ...good, proof: replaceAt(good.proof, index, emptyRootHash()) })),
      ];
      for (const mutation of mutations) expect(verifyConsistency(mutation)).toBe(false);
    },
  );
});
