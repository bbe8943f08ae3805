// The Meilisearch index settings, declared once. `ensureSettings()` sends them; the live test reads them
// back. They mirror what the embedded engine does, so both adapters keep the same contract.
import { createHash } from 'node:crypto';
import type { Settings } from 'meilisearch';
import { synonymGroups, synonymsFrom } from '../synonyms.ts';

/** The primary key. Search document ids contain `:`, which Meilisearch refuses in ids (see documents.ts). */
export const primaryKey = 'key';

/** Most important first: Meilisearch's `attribute` rule ranks a match by the first attribute it is in. */
export const searchableAttributes = ['title', 'summary', 'skills', 'trade', 'body'];

export const filterableAttributes = [
  'type',
  'skills',
  'trade',
  'practice',
  'kind',
  'course',
  'place',
  'remote',
  'status',
  'payUnit',
  'pay',
  'hours',
];

// `posted` and `closes` are ISO strings, which Meilisearch sorts as text: in date order for one format.
export const sortableAttributes = ['updatedAt', 'pay', 'hours', 'title', 'posted', 'closes'];

/**
 * What a hit carries: what result lists show, plus `id` and `updatedAt` for reconcile. Not `body` (long,
 * never shown in a list; hits carry `body: ''` as with the embedded engine) and not the internal `key`.
 */
export const displayedAttributes = [
  'id',
  'type',
  'title',
  'summary',
  'url',
  'skills',
  'trade',
  'practice',
  'kind',
  'course',
  'place',
  'remote',
  'status',
  'pay',
  'payUnit',
  'hours',
  'updatedAt',
  'posted',
  'closes',
  'origin',
];

/**
 * Meilisearch's default rules with `sort` moved up behind `words`: a chosen sort then orders documents
 * that match as many query words, rather than only breaking exact relevance ties. The embedded engine
 * ranks the same way (see embedded/rank.ts), so the two agree on sorted text searches.
 */
export const rankingRules = ['words', 'sort', 'typo', 'proximity', 'attribute', 'exactness'];

/**
 * The largest number of hits a search counts and pages through. 100 pages of 100 is deeper than anyone
 * pages; a larger cap makes every search with many matches slower.
 */
export const maxTotalHits = 10_000;

export function indexSettings(): Settings {
  return {
    searchableAttributes: [...searchableAttributes],
    filterableAttributes: [...filterableAttributes],
    sortableAttributes: [...sortableAttributes],
    displayedAttributes: [...displayedAttributes],
    rankingRules: [...rankingRules],
    synonyms: synonymsFrom(synonymGroups),
    typoTolerance: {
      enabled: true,
      // Meilisearch's defaults, stated so that a changed default cannot silently part the two engines.
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      // Skills are ids (`lime-plastering`) picked from facets and matched exactly; a typo there would
      // reach a different skill ("plating" for "slating") rather than forgive a slip.
      disableOnAttributes: ['skills'],
      disableOnWords: [],
    },
    // Defaults again, stated because the contract counts facet values and the embedded engine copies them.
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { '*': 'alpha' } },
    pagination: { maxTotalHits },
  };
}

/**
 * Raise this when what a search document holds changes (documents.ts): the next deploy then rebuilds
 * the index from the table. A change to `indexSettings()` needs no raise: `indexVersion()` includes
 * their fingerprint.
 */
export const indexSettingsVersion = 4;

/**
 * The version a deploy compares with the last one: the reindex after a deploy runs only when it
 * changes (infra/constructs/search-reindex.ts), and a reindex started for an older version stops.
 */
export function indexVersion(): string {
  const fingerprint = createHash('sha256').update(JSON.stringify(indexSettings())).digest('hex').slice(0, 16);
  return `${indexSettingsVersion}-${fingerprint}`;
}
