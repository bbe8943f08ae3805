// The stewards' blocks in memory, in host order as the table keeps them.
import type { InstanceBlock, InstanceBlockRepository } from '#domain/federation/instance-block.ts';
import { pagedFrom } from './memory-pages.ts';

export function memoryInstanceBlocks(): InstanceBlockRepository & { all(): InstanceBlock[] } {
  const blocks = new Map<string, InstanceBlock>();
  const all = () => [...blocks.values()].sort((a, b) => (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
  return {
    put: async (block) => void blocks.set(block.host, { ...block }),
    remove: async (host) => blocks.delete(host),
    firstBlocked: async (hosts) => hosts.map((host) => blocks.get(host)).find((block) => block !== undefined) ?? null,
    page: pagedFrom(all),
    all,
  };
}
