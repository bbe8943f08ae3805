// The search index from configuration: Meilisearch when a host is configured; otherwise, off AWS, the
// embedded engine in this process. In AWS there is no otherwise: each function would search an embedded
// index of its own, empty for all but itself.
import { createEmbeddedSearch } from '#adapters/search/embedded-search.ts';
import { createMeilisearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import { type Config, ConfigError } from '#config/config.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';

export function createSearchIndex(config: Config): SearchIndex {
  if (config.MEILISEARCH_URL) {
    return createMeilisearchIndex({ host: config.MEILISEARCH_URL, apiKey: config.MEILISEARCH_KEY });
  }
  if (config.STAGE === 'aws') {
    throw new ConfigError(
      'Invalid configuration:\n  MEILISEARCH_URL: required in AWS (the functions share one engine)',
    );
  }
  return createEmbeddedSearch();
}
