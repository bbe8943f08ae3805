// The search index from configuration: Meilisearch when a host is configured; otherwise, off AWS, the
// embedded engine in this process. In AWS there is no otherwise: each function would search an embedded
// index of its own, empty for all but itself.
import { createMeilisearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import { type Config, ConfigError } from '#config/config.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';

/**
 * `true` in the functions' AWS bundles (see #config/bundle.ts). Tested right here, not through a
 * constant of that module: esbuild drops the dynamic import below only when the test is settled as
 * this file is parsed, which is before it inlines constants across modules.
 */
declare const GUILDHALL_AWS_BUNDLE: true | undefined;
/** `true` in the bundles of functions whose routes search nothing (config/bundle.ts): no search client. */
declare const GUILDHALL_WITHOUT_SEARCH: true | undefined;

export function createSearchIndex(config: Config): SearchIndex {
  return typeof GUILDHALL_WITHOUT_SEARCH === 'undefined' ? configuredSearchIndex(config) : noSearch;
}

function configuredSearchIndex(config: Config): SearchIndex {
  if (config.MEILISEARCH_URL) {
    return createMeilisearchIndex({ host: config.MEILISEARCH_URL, apiKey: config.MEILISEARCH_KEY });
  }
  if (typeof GUILDHALL_AWS_BUNDLE === 'undefined' && config.STAGE !== 'aws') return embeddedOnFirstUse();
  throw new ConfigError(
    config.STAGE === 'aws'
      ? 'Invalid configuration:\n  MEILISEARCH_URL: required in AWS (the functions share one engine)'
      : 'Invalid configuration:\n  MEILISEARCH_URL: required by this function, which was bundled for AWS without the embedded search engine',
  );
}

/** The search of a function bundled without one: asking it is a mistake in the bundle's defines. */
const noSearch: SearchIndex = {
  upsert: refuse,
  delete: refuse,
  search: refuse,
  get: refuse,
  listIds: refuse,
  health: refuse,
};

async function refuse(): Promise<never> {
  throw new ConfigError('This function was bundled without search (GUILDHALL_WITHOUT_SEARCH in config/bundle.ts)');
}

/** Whether this bundle has a search index: a function without one has no search probe either. */
export const hasSearch = typeof GUILDHALL_WITHOUT_SEARCH === 'undefined';

/** The embedded engine, loaded when it is first asked something (a dynamic import the AWS bundles drop). */
function embeddedOnFirstUse(): SearchIndex {
  let engine: Promise<SearchIndex> | undefined;
  const load = () =>
    (engine ??= import('#adapters/search/embedded-search.ts').then((module) => module.createEmbeddedSearch()));
  return {
    upsert: async (documents) => (await load()).upsert(documents),
    delete: async (ids) => (await load()).delete(ids),
    search: async (query) => (await load()).search(query),
    get: async (ids) => (await load()).get(ids),
    listIds: async () => (await load()).listIds(),
    health: async () => (await load()).health(),
  };
}
