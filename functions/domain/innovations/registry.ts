// The registry: published records, a page at a time, newest first, narrowed by words in the title,
// trade, skill, practice guide and adoption.
//
// Words and filters go through the search port, which indexes every published record from the
// stream (domain/search/index-changes.ts) with its trade, skills, practice guide and adoption: the
// engine narrows and ranks, and the page's records are then read from the table in one batch, so
// what a card shows (adopters, royalties) is as the table has it now. The unfiltered registry reads
// the table's list directly (exact, and any depth). While search is down, filters are still applied
// by the table listing, without the words, which only search can match (`searchDown` says so): a
// narrow filter then reads on a bounded number of times and may hand back a short page with `next`.
//
// Per-filter access patterns in the table were the other way: an index entry per skill, practice
// and trade for every record, kept in step by every publication and correction, and still no words.
// Search already holds the records for `/search/`; the table keeps the fallback.
import type { Commons } from '../content/commons.ts';
import { SearchUnavailableError } from '../errors.ts';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../paging.ts';
import type { SearchIndex, SearchQuery } from '../search/search-port.ts';
import { remoteRecordStatus } from '../search/remote-record-document.ts';
import { publicRecord } from './consent.ts';
import type { InnovationRecord } from './innovation.ts';
import type { InnovationRepository, PublishedFilter } from './innovation-repository.ts';

export interface RegistryFilter {
  q?: string | undefined;
  trade?: string | undefined;
  skill?: string | undefined;
  practice?: string | undefined;
  adopted?: boolean | undefined;
}

export interface RegistryDependencies {
  search: SearchIndex;
  innovations: Pick<InnovationRepository, 'getMany' | 'publishedPage'>;
  commons: Pick<Commons, 'skills' | 'practices'>;
}

export type RegistryPage = Page<Omit<InnovationRecord, 'draftPeopleIds'>> & { searchDown: boolean };

const offsetShape = { keys: ['offset'] };

/** Whether a cursor is a search offset rather than a table position (an outage can turn one into the other). */
function isOffsetCursor(cursor: string | undefined): boolean {
  if (!cursor) return false;
  try {
    decodeCursor(cursor, offsetShape);
    return true;
  } catch {
    return false;
  }
}

/** The table's narrowing for a filter: a trade as its practice guides and skills in the commons. */
export function tableFilter(filter: RegistryFilter, commons: RegistryDependencies['commons']): PublishedFilter {
  const trade = filter.trade;
  return {
    skill: filter.skill,
    practice: filter.practice,
    adopted: filter.adopted,
    ...(trade
      ? {
          trade: {
            practices: [...commons.practices.values()].filter((p) => p.trade === trade).map((p) => p.id),
            skills: [...commons.skills.values()].filter((s) => s.trade === trade).map((s) => s.id),
          },
        }
      : {}),
  };
}

/**
 * The hits from `offset`, at most `limit`, in pages of `limit` (two when the offset falls inside one,
 * as after a change of page size); whether more follow, as the engine counts them.
 */
async function searchWindow(search: SearchIndex, query: SearchQuery, offset: number, limit: number) {
  const page = Math.floor(offset / limit) + 1;
  const first = await search.search({ ...query, page, pageSize: limit });
  const skip = offset - (page - 1) * limit;
  const second = skip > 0 ? await search.search({ ...query, page: page + 1, pageSize: limit }) : undefined;
  const hits = [...first.hits, ...(second?.hits ?? [])].slice(skip, skip + limit);
  return { hits, more: offset + limit < first.total };
}

async function searchRegistry(
  deps: RegistryDependencies,
  filter: RegistryFilter,
  request: PageRequest,
): Promise<RegistryPage> {
  const offset = request.cursor ? Number(decodeCursor(request.cursor, offsetShape).offset) : 0;
  const text = (filter.q ?? '').trim();
  const { hits, more } = await searchWindow(
    deps.search,
    {
      text,
      filters: {
        type: ['innovation'],
        ...(filter.skill ? { skills: [filter.skill] } : {}),
        ...(filter.trade ? { trade: [filter.trade] } : {}),
        ...(filter.practice ? { practice: [filter.practice] } : {}),
        // This instance's records only: a followed commons' (status `remote`) are shown apart (remoteRecords).
        status: filter.adopted === undefined ? ['published', 'adopted'] : [filter.adopted ? 'adopted' : 'published'],
      },
      ...(text ? {} : { sort: { field: 'updatedAt' as const, direction: 'desc' as const } }),
      facets: [],
    },
    Math.max(0, offset),
    request.limit,
  );
  const ids = hits.map((hit) => hit.document.id.replace(/^innovation:/, ''));
  const records = await deps.innovations.getMany(ids);
  const items = ids.flatMap((id) => {
    const record = records.get(id);
    return record?.status === 'published' ? [publicRecord(record)] : [];
  });
  return {
    items,
    ...(more ? { next: encodeCursor({ offset: offset + request.limit }) } : {}),
    ...(offset > 0 ? { previous: encodeCursor({ offset: Math.max(0, offset - request.limit) }) } : {}),
    searchDown: false,
  };
}

/** A page of the registry (see the top of this file for how each kind of request is answered). */
export async function registry(
  deps: RegistryDependencies,
  filter: RegistryFilter,
  request: PageRequest,
): Promise<RegistryPage> {
  const narrowed =
    !!filter.q?.trim() || !!filter.trade || !!filter.skill || !!filter.practice || filter.adopted !== undefined;
  // A table position (a page read while search was down) goes on in the table, where it belongs.
  const tablePosition = !!request.cursor && !isOffsetCursor(request.cursor);
  if (narrowed && !tablePosition) {
    try {
      return await searchRegistry(deps, filter, request);
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error;
    }
  }
  // A search page's cursor met after search went down starts the table's list again.
  const cursor = isOffsetCursor(request.cursor) ? undefined : request.cursor;
  const page = await deps.innovations.publishedPage(
    { limit: request.limit, cursor },
    narrowed ? tableFilter(filter, deps.commons) : undefined,
  );
  return { ...page, items: page.items.map(publicRecord), searchDown: narrowed };
}

/** A followed remote commons' record as the innovations page shows it: its instance, and where to read it. */
export interface RemoteRegistryItem {
  title: string;
  summary: string;
  /** The inventors' names, as the origin published them. */
  inventors: string;
  origin: string;
  /** The origin's page of it. */
  url: string;
}

/**
 * The newest records of followed remote commons matching the filter (words, trade, skill), at most
 * `limit`: one search page, shown apart from this instance's records. An adoption or practice filter
 * (this instance's notions) or search being down shows none.
 */
export async function remoteRecords(
  deps: Pick<RegistryDependencies, 'search'>,
  filter: RegistryFilter,
  limit: number,
): Promise<RemoteRegistryItem[]> {
  if (filter.adopted !== undefined || filter.practice) return [];
  const text = (filter.q ?? '').trim();
  try {
    const found = await deps.search.search({
      text,
      filters: {
        type: ['innovation'],
        status: [remoteRecordStatus],
        ...(filter.skill ? { skills: [filter.skill] } : {}),
        ...(filter.trade ? { trade: [filter.trade] } : {}),
      },
      ...(text ? {} : { sort: { field: 'updatedAt' as const, direction: 'desc' as const } }),
      facets: [],
      page: 1,
      pageSize: limit,
    });
    return found.hits.flatMap(({ document }) =>
      document.origin === undefined
        ? []
        : [
            {
              title: document.title,
              summary: document.summary,
              inventors: document.body,
              origin: document.origin,
              url: document.url,
            },
          ],
    );
  } catch (error) {
    if (error instanceof SearchUnavailableError) return [];
    throw error;
  }
}
