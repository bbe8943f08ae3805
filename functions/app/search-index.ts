// The search index from configuration: Meilisearch when a host is configured; otherwise the embedded
// engine, in this process.
import { createEmbeddedSearch } from '#adapters/search/embedded-search.ts';
import { createMeilisearchIndex } from '#adapters/search/meilisearch/meilisearch-index.ts';
import type { Config } from '#config/config.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';

export function createSearchIndex(config: Config): SearchIndex {
  return config.MEILISEARCH_URL
    ? createMeilisearchIndex({ host: config.MEILISEARCH_URL, apiKey: config.MEILISEARCH_KEY })
    : createEmbeddedSearch();
}
