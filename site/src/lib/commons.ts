// The commons for pages. On-demand pages (in the site's Lambda, and under `npm start`) read the compiled
// commons the functions read, named by COMMONS_FILE; the build, which prerenders pages without any
// runtime configuration, parses the repository's content/ itself.
import { resolve } from 'node:path';
import { readCommonsFile } from '#adapters/content/commons-file.ts';
import { loadCommons } from '#adapters/content/load-commons.ts';
import type { TradeId } from '#domain/content/commons.ts';

export const getCommons = () => {
  // Read here rather than through getConfig(): the build has no configuration to validate.
  const compiled = process.env.COMMONS_FILE;
  return compiled ? readCommonsFile(resolve(compiled)) : loadCommons(resolve('content'));
};

export function tradeLabel(trade: TradeId): string {
  return getCommons().trades.find((candidate) => candidate.id === trade)?.label ?? trade;
}

export const levelLabel = { foundation: 'Foundation', working: 'Working', proficient: 'Proficient' } as const;
