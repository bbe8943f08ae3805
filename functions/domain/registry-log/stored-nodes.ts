// Proofs from the nodes a log stores, instead of from every leaf. A proof of a tree of n leaves needs
// the hashes of O(log n) perfect subtrees (every left subtree of RFC 6962's recursion is one, and a
// right one splits into a few); a log that keeps each perfect subtree's root with the entry that
// completes it can serve them in one batch read. Which nodes a proof needs is found by running the
// proof once with placeholders and noting what it asks for; then they are read, and it runs again.
import { StoreUnavailableError } from '../errors.ts';
import { HASH_BYTES, type Hash } from './hashing.ts';
import type { LeafHashSource, NodeHashSource } from './merkle-tree.ts';

/** A perfect subtree: `size` leaves (a power of two) from `start` (a multiple of `size`). */
export interface NodeKey {
  start: number;
  size: number;
}

export const nodeId = (node: NodeKey) => `${node.start}+${node.size}`;

/** Reads the stored hashes of these nodes; a node the store does not hold is absent from the answer. */
export type NodeReader = (nodes: readonly NodeKey[]) => Promise<Map<string, Hash>>;

/**
 * More nodes than a request should read: only a log whose older entries were appended before nodes
 * were kept gets here (each missing node is rebuilt from its halves, a round at a time), and only
 * until the backfill has given them their hashes (adapters/dynamodb/registry-log-backfill.ts): a 503.
 */
export const maxNodesRead = 4096;

/**
 * Runs `compute` (a proof or a root, given its node and leaf sources) over the nodes the store holds.
 * Each round runs it with placeholders for the nodes not read yet, reads those in one batch, and runs
 * it again; a node the store lacks is rebuilt from its two halves, read in the next round. The round
 * that asks for nothing new used only real hashes: its answer is returned.
 */
export async function withStoredNodes<T>(
  read: NodeReader,
  compute: (getLeafHash: LeafHashSource, getNode: NodeHashSource) => T,
): Promise<T> {
  const known = new Map<string, Hash | null>();
  const placeholder = new Uint8Array(HASH_BYTES);
  for (;;) {
    const wanted = new Map<string, NodeKey>();
    const getNode: NodeHashSource = (start, size) => {
      const id = nodeId({ start, size });
      const hash = known.get(id);
      if (hash) return hash;
      // Read already and not stored: the proof rebuilds it from its halves.
      if (hash === null) return undefined;
      wanted.set(id, { start, size });
      return placeholder;
    };
    const getLeafHash: LeafHashSource = (index) => {
      throw new Error(`The registry log has no entry ${index} below its head; run verify-log.`);
    };
    const result = compute(getLeafHash, getNode);
    if (wanted.size === 0) return result;
    if (known.size + wanted.size > maxNodesRead) {
      throw new StoreUnavailableError(
        'The registry log is still storing the subtree hashes of its older entries, which this proof needs: try again later. (Operators: `npm run log:backfill`.)',
      );
    }
    const found = await read([...wanted.values()]);
    for (const id of wanted.keys()) known.set(id, found.get(id) ?? null);
  }
}

/** The perfect subtrees a tree of `size` leaves splits into, largest first: its frontier's nodes. */
export function frontierNodes(size: number): NodeKey[] {
  const nodes: NodeKey[] = [];
  let start = 0;
  for (let bit = 2 ** Math.floor(Math.log2(Math.max(1, size))); bit >= 1; bit /= 2) {
    if (size - start >= bit) {
      nodes.push({ start, size: bit });
      start += bit;
    }
  }
  return nodes;
}
