// An innovation record as a commons object (issue 20; ARCHITECTURE.md, "Records federate"): a published
// record is a `Document` with `guildhall:type: "record"` and `guildhall:record` carrying only what the
// record's public page already shows. Which activity a change of the stored record calls for is decided
// here from the stream's before and after images, as openings' are: published is a Create, a change of
// what the page shows while published an Update, leaving published (or the item going) a Delete. Pure.
import { escapeHtml } from '../content/html.ts';
import type { InnovationRecord, InnovationVersion } from '../innovations/innovation.ts';
import type { CommonsActivityType, CommonsObject } from './commons-objects.ts';

/** The record item as the stream's image holds it (only what is read here). */
export type StoredRecord = Pick<
  InnovationRecord,
  'id' | 'status' | 'currentVersion' | 'title' | 'skills' | 'practice' | 'inventorIds' | 'updatedAt'
>;

const isPublished = (record: StoredRecord | undefined): record is StoredRecord => record?.status === 'published';

/**
 * What the record's listing shows from the record item: a change in any is an Update. (Its adoptions are
 * counted by an `ADD` that leaves `updatedAt` alone: the count travels with the next Create or Update.)
 */
const visibleFields = ['title', 'skills', 'practice', 'currentVersion', 'inventorIds'] as const;

/** The activity a change of one record calls for, from its images before and after (either absent). */
export function recordActivityType(
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): CommonsActivityType | null {
  const was = isPublished(before);
  const is = isPublished(after);
  if (!was && is) return 'Create';
  if (was && !is) return 'Delete';
  if (was && is && visibleFields.some((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))) {
    return 'Update';
  }
  return null;
}

/** What the record's Document needs beside the record and its current version. */
export interface RecordObjectContext {
  /** The object's id: `<origin>/api/federation/records/<id>`. */
  objectId: string;
  /** The record's public page: `<origin>/innovations/<id>/`. */
  url: string;
  /** The problem as plain text (the markdown reduced): the summary. */
  summaryText: string;
  trade?: string | undefined;
  skillLabel: (skillId: string) => string | undefined;
  /** The inventors' names as the record's page shows them, in the version's order. */
  inventorNames: string[];
  adoptions: number;
}

/** The summary's length: what a card shows, not the record. */
export const recordSummaryMax = 500;

/** The record's Document, from its current published version. */
export function recordObject(
  record: Pick<InnovationRecord, 'publishedAt' | 'updatedAt'>,
  version: InnovationVersion,
  context: RecordObjectContext,
): CommonsObject {
  const summary = context.summaryText.slice(0, recordSummaryMax);
  const skills = version.skills.map((id) => ({ id, label: context.skillLabel(id) ?? id }));
  // Our own HTML, every piece escaped, so a Mastodon user sees a post with the link.
  const content = [
    `<p><strong>${escapeHtml(version.title)}</strong></p>`,
    `<p>${escapeHtml(summary)}</p>`,
    `<p>${escapeHtml(context.inventorNames.join(', '))} · ${escapeHtml(version.license)}</p>`,
    `<p><a href="${escapeHtml(context.url)}">${escapeHtml(context.url)}</a></p>`,
  ].join('');
  const updated = [record.updatedAt, version.publishedAt ?? version.updatedAt].sort().at(-1) ?? record.updatedAt;
  return {
    '@context': 'https://www.w3.org/ns/activitystreams',
    id: context.objectId,
    type: 'Document',
    'guildhall:type': 'record',
    name: version.title,
    content,
    url: context.url,
    published: record.publishedAt ?? version.publishedAt ?? updated,
    updated,
    'guildhall:record': {
      title: version.title,
      summary,
      ...(context.trade ? { trade: context.trade } : {}),
      skills,
      licence: version.license,
      inventors: context.inventorNames,
      adoptions: context.adoptions,
    },
  };
}
