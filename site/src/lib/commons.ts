// The commons for pages. On-demand pages (in the site's Lambda, and under `npm start`) read the compiled
// commons the functions read, named by COMMONS_FILE; the build, which prerenders pages without any
// runtime configuration, parses the repository's content/ itself.
import { resolve } from 'node:path';
import { readCommonsFile } from '#adapters/content/commons-file.ts';
import type { TradeId } from '#domain/content/commons.ts';

/**
 * `true` in the site function's AWS bundle (see #config/bundle.ts), which always has COMMONS_FILE.
 * Tested here, not through a constant of that module, so esbuild settles it while it parses this code
 * (as functions/app/search-index.ts explains).
 */
declare const GUILDHALL_AWS_BUNDLE: true | undefined;

// The content parser, for the build: imported dynamically, so the AWS bundle, where the test below is
// false, leaves out the import and with it the YAML parser (112 KB) and the content checks. (The parser
// is a CommonJS module: a static import would keep it in the bundle, used or not.)
const contentParser =
  typeof GUILDHALL_AWS_BUNDLE === 'undefined' ? await import('#adapters/content/load-commons.ts') : undefined;

export const getCommons = () => {
  // Read here rather than through getConfig(): the build has no configuration to validate.
  const compiled = process.env.COMMONS_FILE;
  if (compiled) return readCommonsFile(resolve(compiled));
  if (contentParser) return contentParser.loadCommons(resolve('content'));
  throw new Error('COMMONS_FILE: required by the site function, which was bundled for AWS without the content parser');
};

export function tradeLabel(trade: TradeId): string {
  return getCommons().trades.find((candidate) => candidate.id === trade)?.label ?? trade;
}

/** A skill of the commons by its label, or its id when the commons has no such skill. */
export function skillName(skillId: string): string {
  return getCommons().skills.get(skillId)?.label ?? skillId;
}

export const levelLabel = { foundation: 'Foundation', working: 'Working', proficient: 'Proficient' } as const;
