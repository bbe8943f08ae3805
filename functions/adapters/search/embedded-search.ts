// The embedded search engine: an in-process index behind the search port, used when no Meilisearch
// host is configured. On one machine the API, the site's server and the stream indexer run in one
// process but are bundled separately (the site by Vite), so the index is kept under a global symbol
// to make all of them share one.
import { createEmbeddedSearchEngine } from '#adapters/search/embedded/engine.ts';
import type { SearchIndex } from '#domain/search/search-port.ts';

const shared = Symbol.for('guildhall.embedded-search');

export function createEmbeddedSearch(): SearchIndex {
  const holder = globalThis as { [shared]?: SearchIndex };
  holder[shared] ??= createEmbeddedSearchEngine();
  return holder[shared];
}
