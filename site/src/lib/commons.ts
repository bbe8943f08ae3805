// The commons for pages: read from the repository's content/ at build time (prerendered pages) and
// from the bundle's content/ in the site's Lambda (on-demand pages); both are `content` under cwd.
import { resolve } from 'node:path';
import { loadCommons } from '#adapters/content/load-commons.ts';
import type { TradeId } from '#domain/content/commons.ts';

export const getCommons = () => loadCommons(resolve('content'));

export function tradeLabel(trade: TradeId): string {
  return getCommons().trades.find((candidate) => candidate.id === trade)?.label ?? trade;
}

export const levelLabel = { foundation: 'Foundation', working: 'Working', proficient: 'Proficient' } as const;
