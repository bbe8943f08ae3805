// A followed remote syndicate's opening as a search document (domain/federation/remote-opening.ts): an
// opening like this instance's, so the board's and search's filters find it, with its instance as
// `origin` and the origin's page as its link. Built from the stored item alone, so a replayed stream
// record repeats harmlessly; open until its validThrough, then `expired` (the board also drops it by
// `closes` when the stream has not come by since).
import { createHash } from 'node:crypto';
import type { RemoteOpening } from '../federation/remote-opening.ts';
import type { SearchDocument } from './search-port.ts';

/** The document's id: stable per follow and Note, of a length Meilisearch's key takes whatever the URL. */
export function remoteOpeningDocumentId(followId: string, noteId: string): string {
  return `opening:remote/${followId}/${createHash('sha256').update(noteId).digest('base64url')}`;
}

export const isRemoteOpeningDocument = (id: string) => id.startsWith('opening:remote/');

export function remoteOpeningDocument(opening: RemoteOpening, now: Date): SearchDocument {
  const open = opening.validThrough === null || Date.parse(opening.validThrough) > now.getTime();
  return {
    id: remoteOpeningDocumentId(opening.followId, opening.noteId),
    type: 'opening',
    title: opening.title,
    summary: `${opening.syndicateName ?? opening.origin} · ${opening.remote ? 'Remote' : (opening.place ?? '')}`,
    body: opening.summary.slice(0, 4000),
    url: opening.url,
    skills: opening.skills.map((skill) => skill.id),
    ...(opening.place ? { place: opening.place } : {}),
    remote: opening.remote,
    status: open ? 'open' : 'expired',
    updatedAt: opening.updated,
    posted: opening.published,
    ...(opening.validThrough ? { closes: opening.validThrough.slice(0, 10) } : {}),
    origin: opening.origin,
  };
}
