// The public marketplace, read through the search port: open offers or wants, narrowed by facets (kind,
// trade, skill, unit, remote or place) a page at a time; and, beside each listing, the open listings of
// the other side that match it by trade and skills ("3 members offer this"), a few and their count.
import type { PageRequest } from '../paging.ts';
import { searchPage } from '../search/search-page.ts';
import type { FacetName, SearchDocument, SearchIndex, SearchQuery } from '../search/search-port.ts';
import type { ListingKind, ListingUnit } from './listing.ts';
import type { Side } from './market-use-cases.ts';

export interface MarketFilters {
  side: Side;
  text?: string | undefined;
  kind?: ListingKind | undefined;
  trade?: string | undefined;
  skill?: string | undefined;
  unit?: ListingUnit | undefined;
  remote?: boolean | undefined;
  place?: string | undefined;
}

export const marketFacets: FacetName[] = ['kind', 'trade', 'skills', 'payUnit', 'remote', 'place'];

function marketQuery(filters: MarketFilters): Omit<SearchQuery, 'page' | 'pageSize'> {
  return {
    text: filters.text ?? '',
    filters: {
      type: [filters.side],
      status: ['open'],
      ...(filters.kind ? { kind: [filters.kind] } : {}),
      ...(filters.trade ? { trade: [filters.trade] } : {}),
      ...(filters.skill ? { skills: [filters.skill] } : {}),
      ...(filters.unit ? { payUnit: [filters.unit] } : {}),
      ...(filters.remote === undefined ? {} : { remote: filters.remote }),
      ...(filters.place ? { place: [filters.place] } : {}),
    },
    facets: marketFacets,
    // Newest first when nothing is typed; by relevance when something is.
    ...(filters.text ? {} : { sort: { field: 'posted', direction: 'desc' } }),
  };
}

/** A page of the marketplace, with facet counts over everything the filters let through. */
export function marketPage(search: SearchIndex, filters: MarketFilters, request: PageRequest) {
  return searchPage(search, marketQuery(filters), request);
}

/** How many matches a listing's page shows; the count covers them all. */
export const shownMatches = 5;

export interface Matches {
  /** Open listings of the other side in the same trade sharing a skill (any, when it names none). */
  total: number;
  items: SearchDocument[];
}

/**
 * The open listings of the other side that match one: the same trade, and at least one of its skills
 * when it names any. One search of `shownMatches` hits, whatever the marketplace holds.
 */
export async function matchesOf(
  search: SearchIndex,
  listing: { side: Side; trade: string; skillIds: readonly string[] },
): Promise<Matches> {
  const other: Side = listing.side === 'offer' ? 'want' : 'offer';
  const result = await search.search({
    text: '',
    filters: {
      type: [other],
      status: ['open'],
      trade: [listing.trade],
      ...(listing.skillIds.length > 0 ? { skills: [...listing.skillIds] } : {}),
    },
    sort: { field: 'posted', direction: 'desc' },
    page: 1,
    pageSize: shownMatches,
  });
  return { total: result.total, items: result.hits.map((hit) => hit.document) };
}
