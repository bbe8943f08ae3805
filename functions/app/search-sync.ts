// Keeping the index equal to the table: a full reindex (start, deploy, `npm run reindex`) and a
// reconcile check that lists every document that differs. Steady-state changes flow through the stream.
import type { InnovationVersion } from '#domain/innovations/innovation.ts';
import { everyItem } from '#domain/paged-reads.ts';
import {
  contentDocuments,
  innovationDocument,
  isSearchable,
  listingDocument,
  openingDocument,
  syndicateDocument,
} from '#domain/search/documents.ts';
import { type EscoSkillSet, escoSkillDocuments } from '#domain/search/esco-documents.ts';
import type { IndexLookups } from '#domain/search/index-changes.ts';
import type { SearchDocument } from '#domain/search/search-port.ts';
import type { Services } from './services.ts';

type SyncServices = Pick<Services, 'commons' | 'syndicates' | 'openings' | 'innovations' | 'market' | 'search' | 'now'>;

/** Later than any listing's expiry: every open listing expires before it. */
const endOfTime = '9999-12-31T23:59:59.999Z';

/** An innovation's trade: its practice guide's, else its first skill's. */
export function tradeOf(commons: Services['commons'], version: Pick<InnovationVersion, 'practice' | 'skills'>) {
  return (
    (version.practice ? commons.practices.get(version.practice)?.trade : undefined) ??
    commons.skills.get(version.skills[0] ?? '')?.trade
  );
}

/** What the stream indexer looks up beside each record (the AWS handler and the local poller alike). */
export function indexLookups(services: Pick<Services, 'syndicates' | 'innovations' | 'commons' | 'now'>): IndexLookups {
  return {
    syndicate: (id) => services.syndicates.get(id),
    now: services.now,
    tradeOf: (version) => tradeOf(services.commons, version),
    innovationVersion: (innovationId, version) => services.innovations.getVersion(innovationId, version),
  };
}

const chunks = <T>(list: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** Content documents carry one fixed date: they change only with a deploy, which reindexes them all. */
export const contentUpdatedAt = '2026-01-01T00:00:00.000Z';

/**
 * Every document the index should hold. ESCO's skills are among them when `esco` is given (the local
 * start and `npm run reindex` read the data file; the API functions never carry it).
 */
export async function expectedDocuments(services: SyncServices, esco?: EscoSkillSet): Promise<SearchDocument[]> {
  const now = services.now();
  // A job, not a request: it walks every page of the lists it rebuilds from.
  const syndicates = await everyItem((request) => services.syndicates.page(request));
  const byId = new Map(syndicates.map((s) => [s.id, s]));
  const openings = (
    await Promise.all(
      (['open', 'filled', 'closed'] as const).map((status) =>
        everyItem((request) => services.openings.pageByStatus(status, request)),
      ),
    )
  ).flat();
  const records = await everyItem((request) => services.innovations.publishedPage(request));
  // Only open listings are documents; the store keeps exactly those in its by-expiry index.
  const [offers, wants] = await Promise.all([
    everyItem((request) => services.market.offers.openExpiringBefore(endOfTime, request)),
    everyItem((request) => services.market.wants.openExpiringBefore(endOfTime, request)),
  ]);
  const versions = new Map(
    (
      await Promise.all(
        chunks(records, 100).map((chunk) =>
          services.innovations.getVersions(chunk.map((r) => ({ innovationId: r.id, version: r.currentVersion }))),
        ),
      )
    )
      .flat()
      .map((version) => [version.innovationId, version]),
  );
  const innovations = records.map((record) => {
    const version = versions.get(record.id);
    return version?.status === 'published' ? { record, version } : undefined;
  });
  return [
    ...contentDocuments(services.commons, contentUpdatedAt),
    ...(esco ? escoSkillDocuments(esco) : []),
    ...innovations.flatMap((found) =>
      found ? [innovationDocument(found.version, tradeOf(services.commons, found.version), found.record)] : [],
    ),
    ...syndicates.map(syndicateDocument),
    ...openings.filter(isSearchable).map((o) => openingDocument(o, byId.get(o.syndicateId) ?? null, now)),
    ...offers.map(listingDocument),
    ...wants.map(listingDocument),
  ];
}

export interface ReconcileReport {
  expected: number;
  indexed: number;
  missing: string[];
  extra: string[];
  stale: string[];
}

export async function reconcile(services: SyncServices, esco?: EscoSkillSet): Promise<ReconcileReport> {
  const [expected, indexed] = await Promise.all([expectedDocuments(services, esco), services.search.listIds()]);
  const inIndex = new Map(indexed.map((entry) => [entry.id, entry.updatedAt]));
  const wanted = new Map(expected.map((doc) => [doc.id, doc.updatedAt]));
  return {
    expected: expected.length,
    indexed: indexed.length,
    missing: [...wanted.keys()].filter((id) => !inIndex.has(id)),
    extra: [...inIndex.keys()].filter((id) => !wanted.has(id)),
    stale: [...wanted].filter(([id, at]) => inIndex.has(id) && inIndex.get(id) !== at).map(([id]) => id),
  };
}

/** Rebuilds the index from the table and the commons, in batches; removes what should not be there. */
export async function reindex(services: SyncServices, esco?: EscoSkillSet, batchSize = 500): Promise<ReconcileReport> {
  const expected = await expectedDocuments(services, esco);
  for (let start = 0; start < expected.length; start += batchSize) {
    await services.search.upsert(expected.slice(start, start + batchSize));
  }
  const wanted = new Set(expected.map((doc) => doc.id));
  const extra = (await services.search.listIds()).filter((entry) => !wanted.has(entry.id)).map((entry) => entry.id);
  if (extra.length > 0) await services.search.delete(extra);
  return reconcile(services, esco);
}
