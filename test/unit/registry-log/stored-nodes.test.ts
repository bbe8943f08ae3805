// Proofs served from the subtree hashes the log stores as it grows: the same proofs as from every
// leaf, read from O(log n) nodes, and rebuilt from below where an old entry keeps none.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '#domain/errors.ts';
import { auditWindow } from '#domain/innovations/audit-log.ts';
import {
  emptyHead,
  type LogHead,
  logSignerFromJwk,
  prepareAppend,
  type StoredLogEntry,
} from '#domain/innovations/log-head.ts';
import { fromBase64, type Hash, leafHash, toBase64 } from '#domain/registry-log/hashing.ts';
import { consistencyProof, inclusionProof, rootFromLeafHashes, subtreeRoot } from '#domain/registry-log/merkle-tree.ts';
import {
  frontierNodes,
  maxNodesRead,
  type NodeKey,
  nodeId,
  withStoredNodes,
} from '#domain/registry-log/stored-nodes.ts';

const signer = logSignerFromJwk(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }));

/** A log of `size` entries appended as the store appends them, each keeping the subtrees it completes. */
function log(size: number): { entries: StoredLogEntry[]; head: LogHead } {
  let head = emptyHead();
  const entries: StoredLogEntry[] = [];
  for (let n = 0; n < size; n++) {
    const append = prepareAppend(
      head,
      {
        kind: 'credit-limit',
        at: '2026-11-01T00:00:00.000Z',
        accountId: `person:p${n}`,
        limit: '-100',
        previous: null,
        by: 's',
        reason: 'agreed',
      },
      new Date(Date.UTC(2026, 10, 1, 0, 0, n)),
      signer,
    );
    entries.push(append.entry);
    head = append.head;
  }
  return { entries, head };
}

/** A node reader over stored entries, counting what it reads; `keeps` says which entries kept their subtrees. */
function reader(entries: readonly StoredLogEntry[], keeps: (index: number) => boolean = () => true) {
  const reads: NodeKey[][] = [];
  return {
    reads,
    read: async (nodes: readonly NodeKey[]) => {
      reads.push([...nodes]);
      const found = new Map<string, Hash>();
      for (const node of nodes) {
        const entry = entries[node.start + node.size - 1];
        const level = Math.log2(node.size);
        const text =
          level === 0 ? entry?.leafHash : keeps(node.start + node.size - 1) ? entry?.subtrees?.[level - 1] : undefined;
        const hash = text ? fromBase64(text) : null;
        if (hash) found.set(nodeId(node), hash);
      }
      return found;
    },
  };
}

describe('proofs from stored subtree hashes', () => {
  const size = 1000;
  const { entries, head } = log(size);
  const leaves = entries.map((entry) => fromBase64(entry.leafHash) as Hash);
  const fromLeaves = (index: number) => leaves[index] as Hash;

  it('keeps with each entry the roots of the perfect subtrees it completes', () => {
    // Entry 7 completes [6, 8), [4, 8) and [0, 8); entry 8 completes nothing above itself.
    expect(entries[7]?.subtrees).toHaveLength(3);
    expect(entries[8]?.subtrees).toEqual([]);
    expect(entries[7]?.subtrees?.[2]).toBe(toBase64(rootFromLeafHashes(leaves.slice(0, 8))));
  });

  it.each([0, 1, 6, 511, 512, 998, 999])(
    'proves entry %i of 1,000 exactly as from every leaf, in one read',
    async (leaf) => {
      const { read, reads } = reader(entries);
      const proof = await withStoredNodes(read, (getLeaf, getNode) => inclusionProof(leaf, size, getLeaf, getNode));
      expect(proof.map(toBase64)).toEqual(inclusionProof(leaf, size, fromLeaves).map(toBase64));
      expect(reads).toHaveLength(1);
      // O(log n): a 1,000-entry tree needs at most twice its depth of nodes.
      expect(reads[0]?.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)));
    },
  );

  it.each([
    [1, 1000],
    [7, 8],
    [500, 999],
    [513, 1000],
  ])('proves the tree of %i entries a prefix of the tree of %i as from every leaf', async (first, second) => {
    const { read, reads } = reader(entries);
    const proof = await withStoredNodes(read, (getLeaf, getNode) => consistencyProof(first, second, getLeaf, getNode));
    expect(proof.map(toBase64)).toEqual(consistencyProof(first, second, fromLeaves).map(toBase64));
    expect(reads.flat().length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(size)));
  });

  it('rebuilds a node an old entry does not keep from its halves, a round at a time', async () => {
    // Entries appended before subtrees were kept: none below 512 keeps any.
    const { read, reads } = reader(entries, (index) => index >= 512);
    const proof = await withStoredNodes(read, (getLeaf, getNode) => inclusionProof(900, size, getLeaf, getNode));
    expect(proof.map(toBase64)).toEqual(inclusionProof(900, size, fromLeaves).map(toBase64));
    expect(reads.length).toBeGreaterThan(1);
  });

  it('answers 503 rather than read thousands of nodes when old entries keep no subtree hashes yet', async () => {
    // 10,000 entries from before subtrees were kept, not backfilled: only leaves are stored.
    const big = 10_000;
    const reads: number[] = [];
    const leavesOnly = async (nodes: readonly NodeKey[]) => {
      reads.push(nodes.length);
      const found = new Map<string, Hash>();
      for (const node of nodes) if (node.size === 1) found.set(nodeId(node), leafHash(new Uint8Array([node.start])));
      return found;
    };
    await expect(
      withStoredNodes(leavesOnly, (getLeaf, getNode) => inclusionProof(4321, big, getLeaf, getNode)),
    ).rejects.toThrow(StoreUnavailableError);
    expect(reads.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(maxNodesRead);
  });

  it('gives the frontier of any size from its perfect subtrees', async () => {
    expect(frontierNodes(13)).toEqual([
      { start: 0, size: 8 },
      { start: 8, size: 4 },
      { start: 12, size: 1 },
    ]);
    expect(frontierNodes(0)).toEqual([]);
    const { read } = reader(entries);
    const roots = await withStoredNodes(read, (getLeaf, getNode) =>
      frontierNodes(700).map((node) => subtreeRoot(node.start, node.start + node.size, getLeaf, getNode)),
    );
    expect(roots.map(toBase64)).toEqual(
      frontierNodes(700).map((node) => toBase64(rootFromLeafHashes(leaves.slice(node.start, node.start + node.size)))),
    );
    expect(head.treeSize).toBe(size);
  });
});

describe('auditing a window of the log', () => {
  const { entries, head } = log(300);
  const frontierAt = (start: number) =>
    frontierNodes(start).map((node) =>
      rootFromLeafHashes(entries.slice(node.start, node.start + node.size).map((e) => fromBase64(e.leafHash) as Hash)),
    );
  const window = (start: number, end: number, changes: Partial<Parameters<typeof auditWindow>[0]> = {}) =>
    auditWindow({
      start,
      entries: entries.slice(start, end),
      frontier: frontierAt(start),
      anchor: entries[start - 1]?.treeHead ?? null,
      head,
      publicKey: signer.publicJwk,
      ...changes,
    });

  it('verifies any window against the heads signed as its entries were appended, and the last against the head', () => {
    expect(window(0, 100)).toMatchObject({ ok: true, start: 0, end: 100 });
    expect(window(100, 250)).toMatchObject({ ok: true, start: 100, end: 250 });
    expect(window(250, 300)).toMatchObject({ ok: true, end: 300, rootHash: head.rootHash });
  });

  it('names an entry whose stored subtree hashes are not the ones it completes', () => {
    const forged = entries.map((entry, index) =>
      index === 127
        ? { ...entry, subtrees: [...(entry.subtrees ?? []).slice(0, -1), entries[0]?.leafHash ?? ''] }
        : entry,
    );
    expect(window(100, 200, { entries: forged.slice(100, 200) })).toMatchObject({
      ok: false,
      problem: 'node-mismatch',
      index: 127,
    });
  });

  it('refuses a start that stored nodes do not lead to from the head signed before it', () => {
    const wrong = frontierAt(150).map((hash, i) => (i === 0 ? (fromBase64(entries[3]?.leafHash ?? '') as Hash) : hash));
    expect(window(150, 200, { frontier: wrong })).toMatchObject({ ok: false, problem: 'anchor-mismatch', index: 149 });
  });

  it('names an entry whose bytes were changed', () => {
    const changed = entries.map((entry, index) => (index === 160 ? { ...entry, data: `${entry.data} ` } : entry));
    expect(window(150, 200, { entries: changed.slice(150, 200) })).toMatchObject({
      ok: false,
      problem: 'leaf-mismatch',
      index: 160,
    });
  });
});
