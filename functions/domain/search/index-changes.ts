// What a change in the table means for the search index. Pure: the indexer handler feeds it stream
// records (already unmarshalled) and applies the result through the search port.
import type { Opening } from '../openings/opening.ts';
import type { Syndicate } from '../syndicates/syndicate.ts';
import type { InnovationRecord, InnovationVersion } from '../innovations/innovation.ts';
import { innovationDocument, isSearchable, listingDocument, openingDocument, syndicateDocument } from './documents.ts';
import type { Offer } from '../market/offer.ts';
import type { Want } from '../market/want.ts';
import type { SearchDocument } from './search-port.ts';
import type { RemoteOpening } from '../federation/remote-opening.ts';
import { remoteOpeningDocument, remoteOpeningDocumentId } from './remote-opening-document.ts';
import type { RemoteRecord } from '../federation/remote-record.ts';
import { remoteRecordDocument, remoteRecordDocumentId } from './remote-record-document.ts';

export interface ChangedItem {
  /** The item after the change; absent when it was removed. */
  newItem?: Record<string, unknown> | undefined;
  oldItem?: Record<string, unknown> | undefined;
}

export interface IndexChanges {
  upsert: SearchDocument[];
  delete: string[];
}

export interface IndexLookups {
  syndicate(id: string): Promise<Pick<Syndicate, 'name' | 'trade'> | null>;
  now(): Date;
  /** The trade an innovation belongs to, from its practice guide or first skill (commons lookup). */
  tradeOf?: (version: Pick<InnovationVersion, 'practice' | 'skills'>) => string | undefined;
  /** One version of a record, read strongly consistent (the stream may run ahead of a plain read). */
  innovationVersion?: (innovationId: string, version: number) => Promise<InnovationVersion | null>;
}

/** The item types that become search documents: the indexer reads only these back from the table. */
const indexedTypes: ReadonlySet<unknown> = new Set([
  'opening',
  'syndicate',
  'innovation',
  'offer',
  'want',
  'remote-opening',
  'remote-record',
]);
export const isIndexedType = (type: unknown) => indexedTypes.has(type);

/**
 * Openings and syndicates are indexed; every other item type (people, enrollments, credentials…) is
 * private or not searchable and is ignored. A malformed item throws, so the record is reported as a
 * failure and retried or sent to the failure queue rather than silently dropped.
 */
export async function indexChangesFor(change: ChangedItem, lookups: IndexLookups): Promise<IndexChanges> {
  const item = change.newItem ?? change.oldItem;
  const type = item?.type;
  if (type === 'opening') {
    const id = String(item?.id ?? '');
    if (!id) throw new Error('opening item without id');
    if (!change.newItem) return { upsert: [], delete: [`opening:${id}`] };
    const opening = change.newItem as unknown as Opening;
    if (!isSearchable(opening)) return { upsert: [], delete: [`opening:${id}`] };
    if (!Array.isArray(opening.skills) || !Array.isArray(opening.pay) || typeof opening.title !== 'string') {
      throw new Error(`opening ${id} is malformed`);
    }
    return {
      upsert: [openingDocument(opening, await lookups.syndicate(opening.syndicateId), lookups.now())],
      delete: [],
    };
  }
  if (type === 'innovation') {
    // The record is what changes when a version is published (a first one or a correction) and when a
    // syndicate adopts it; the document is built from it and its current version, read now, so records
    // applied in any order leave the document as the table is. Drafts never enter.
    const record = change.newItem as unknown as InnovationRecord | undefined;
    if (record?.status !== 'published') return { upsert: [], delete: [] };
    if (typeof record.id !== 'string' || typeof record.currentVersion !== 'number') {
      throw new Error('innovation record is malformed');
    }
    if (!lookups.innovationVersion) throw new Error('the indexer cannot read innovation versions');
    const version = await lookups.innovationVersion(record.id, record.currentVersion);
    if (version?.status !== 'published')
      throw new Error(`record ${record.id} has no published version ${record.currentVersion}`);
    return { upsert: [innovationDocument(version, lookups.tradeOf?.(version), record)], delete: [] };
  }
  if (type === 'offer' || type === 'want') {
    // Only open listings are on the marketplace: a withdrawn, expired or fulfilled one (or a deleted
    // item) leaves it. The document is built from the item alone, so a replay repeats harmlessly.
    const id = String(item?.id ?? '');
    if (!id) throw new Error(`${type} item without id`);
    const listing = change.newItem as unknown as Offer | Want | undefined;
    if (listing?.status !== 'open') return { upsert: [], delete: [`${type}:${id}`] };
    if (typeof listing.title !== 'string' || !Array.isArray(listing.skillIds)) {
      throw new Error(`${type} ${id} is malformed`);
    }
    const price = (listing as { price?: unknown }).price;
    return {
      upsert: [listingDocument({ ...listing, ...(price === undefined ? {} : { price: BigInt(String(price)) }) })],
      delete: [],
    };
  }
  if (type === 'remote-opening') {
    // A followed remote syndicate's opening (federation): in while it is kept, out when it is removed
    // (its Delete, an unfollow, a block of its instance).
    const kept = item as unknown as RemoteOpening;
    if (typeof kept.followId !== 'string' || typeof kept.noteId !== 'string') {
      throw new Error('remote opening item is malformed');
    }
    const id = remoteOpeningDocumentId(kept.followId, kept.noteId);
    if (!change.newItem) return { upsert: [], delete: [id] };
    if (typeof kept.title !== 'string' || !Array.isArray(kept.skills))
      throw new Error(`remote opening ${id} is malformed`);
    return { upsert: [remoteOpeningDocument(kept, lookups.now())], delete: [] };
  }
  if (type === 'remote-record') {
    // A followed remote commons' record (federation): in while it is kept, out when it is removed (its
    // Delete, an unfollow, a block of its instance).
    const kept = item as unknown as RemoteRecord;
    if (typeof kept.followId !== 'string' || typeof kept.objectId !== 'string') {
      throw new Error('remote record item is malformed');
    }
    const id = remoteRecordDocumentId(kept.followId, kept.objectId);
    if (!change.newItem) return { upsert: [], delete: [id] };
    if (typeof kept.title !== 'string' || !Array.isArray(kept.skills) || !Array.isArray(kept.inventors)) {
      throw new Error(`remote record ${id} is malformed`);
    }
    return { upsert: [remoteRecordDocument(kept)], delete: [] };
  }
  if (type === 'syndicate') {
    const id = String(item?.id ?? '');
    if (!change.newItem) return { upsert: [], delete: [`syndicate:${id}`] };
    return { upsert: [syndicateDocument(change.newItem as unknown as Syndicate)], delete: [] };
  }
  return { upsert: [], delete: [] };
}
