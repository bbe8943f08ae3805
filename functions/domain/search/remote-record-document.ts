// A followed remote commons' innovation record as a search document (domain/federation/remote-record.ts):
// of the records' type, so search finds it beside this instance's, with its instance as `origin`, the
// origin's page as its link, and the status `remote`, which the registry's own searches leave out and its
// remote section asks for. Built from the stored item alone, so a replayed stream record repeats harmlessly.
import { createHash } from 'node:crypto';
import type { RemoteRecord } from '../federation/remote-record.ts';
import type { SearchDocument } from './search-port.ts';

/** The status a remote record's document carries (this instance's are `published` or `adopted`). */
export const remoteRecordStatus = 'remote';

/** The document's id: stable per follow and Document, of a length Meilisearch's key takes whatever the URL. */
export function remoteRecordDocumentId(followId: string, objectId: string): string {
  return `innovation:remote/${followId}/${createHash('sha256').update(objectId).digest('base64url')}`;
}

export function remoteRecordDocument(record: RemoteRecord): SearchDocument {
  return {
    id: remoteRecordDocumentId(record.followId, record.objectId),
    type: 'innovation',
    title: record.title,
    summary: record.summary.slice(0, 300),
    body: record.inventors.join(', '),
    url: record.url,
    skills: record.skills.map((skill) => skill.id),
    ...(record.trade ? { trade: record.trade } : {}),
    status: remoteRecordStatus,
    updatedAt: record.updated,
    origin: record.origin,
  };
}
