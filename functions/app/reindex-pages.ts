// Rebuilding the search index after a deploy, a page at a time. No function run reads more than one
// page of the table: each step indexes its page, then queues the step for the next page, carrying the
// cursor. The queue is the record of progress: a step that fails is retried from the same cursor, and
// after its retries it waits in the dead-letter queue, from where a redrive resumes it. Steps repeat
// harmlessly (stable document ids; the FIFO queue drops a duplicate next step).
//
// Three kinds of step:
// - `start` (sent by the deploy when the index version changes): fans out one scan chain per segment;
// - `table`: one page of one segment of a parallel Scan, through the stream indexer's rules;
// - `commons` (sent by the deploy when the content changes): the courses, lessons and practice guides,
//   then it queues the first `esco` step;
// - `esco`: one slice of ESCO's skills (13,939 in all, from the data file beside the function's bundle),
//   then the next slice. ESCO skills a newer data file drops are not removed here (the engine pages a
//   placeholder search only to its 10,000 hits); `npm run reindex` removes them.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import type { Commons } from '#domain/content/commons.ts';
import { contentDocuments } from '#domain/search/documents.ts';
import { type EscoSkillSet, escoSkillDocuments } from '#domain/search/esco-documents.ts';
import { type IndexLookups, indexChangesFor } from '#domain/search/index-changes.ts';
import type { DocumentType, SearchDocument, SearchIndex } from '#domain/search/search-port.ts';
import type { Logger } from '#platform/log.ts';
import { contentUpdatedAt } from './search-sync.ts';

// Built on first use, like every schema (#domain/zod.ts), so the bundles that only import this module's
// types and functions build none of it at their cold start.
export const reindexStepSchema = /* @__PURE__ */ lazySchema(() => {
  const version = z.string().check(z.minLength(1), z.maxLength(100));
  const segments = z.number().check(z.int(), z.minimum(1), z.maximum(32));
  return z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('start'), version, segments: z._default(segments, 4) }),
    z.object({
      kind: z.literal('table'),
      version,
      segment: z.number().check(z.int(), z.minimum(0), z.maximum(31)),
      segments,
      /** Where the segment's scan resumes; absent for its first page. */
      cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(4096))),
      page: z.number().check(z.int(), z.minimum(0)),
    }),
    z.object({ kind: z.literal('commons'), version }),
    z.object({ kind: z.literal('esco'), version, offset: z.number().check(z.int(), z.minimum(0)) }),
  ]);
});

export type ReindexStep = z.infer<ReturnType<typeof reindexStepSchema>>;

/** One page of a parallel Scan: the items as stored, and where the next page starts. */
export interface TablePage {
  items: Array<Record<string, unknown>>;
  cursor?: string | undefined;
}

export interface ReindexDependencies {
  /** The index version this deploy built for; a step for another version is dropped. */
  indexVersion: string;
  scanPage(request: {
    segment: number;
    segments: number;
    cursor?: string | undefined;
    limit: number;
  }): Promise<TablePage>;
  search: Pick<SearchIndex, 'upsert' | 'delete' | 'search'>;
  lookups: IndexLookups;
  commons: Commons;
  /** ESCO's skills (the data file, read on first use: only the `esco` steps need it). */
  esco(): EscoSkillSet;
  /** Queues the next steps (in AWS: the reindex queue, which invokes this again). */
  send(steps: ReindexStep[]): Promise<void>;
  /**
   * Announces the catalogue's changes since the last announce to the commons' followers (issue 20:
   * domain/federation/catalogue-publishing.ts): the commons step runs when a deploy changed the bundle that
   * carries the commons, so a changed course reaches them then. Absent where the instance has no outbox.
   */
  announce?: (() => Promise<Record<'Create' | 'Update' | 'Delete', number>>) | undefined;
  log: Pick<Logger, 'info' | 'warn'>;
}

export interface ReindexStepReport {
  kind: ReindexStep['kind'];
  skipped?: 'superseded';
  items?: number;
  upserted: number;
  deleted: number;
  next: number;
}

const contentTypes: DocumentType[] = ['course', 'lesson', 'practice'];

export async function runReindexStep(
  deps: ReindexDependencies,
  step: ReindexStep,
  pageSize = 200,
  escoSliceSize = 2000,
): Promise<ReindexStepReport> {
  if (step.kind === 'commons') return indexCommons(deps, step.version);
  if (step.kind === 'esco') return indexEscoSlice(deps, step, escoSliceSize);
  // A newer deploy changed the version again: its own reindex covers everything; this chain stops.
  if (step.version !== deps.indexVersion) {
    deps.log.warn('reindex step for an older index version dropped', { step: step.kind, version: step.version });
    return { kind: step.kind, skipped: 'superseded', upserted: 0, deleted: 0, next: 0 };
  }
  if (step.kind === 'start') {
    const first = Array.from({ length: step.segments }, (_, segment) => ({
      kind: 'table' as const,
      version: step.version,
      segment,
      segments: step.segments,
      page: 0,
    }));
    await deps.send(first);
    return { kind: 'start', upserted: 0, deleted: 0, next: first.length };
  }
  const page = await deps.scanPage({
    segment: step.segment,
    segments: step.segments,
    cursor: step.cursor,
    limit: pageSize,
  });
  const lookups = memoizedSyndicates(deps.lookups);
  const upsert: SearchDocument[] = [];
  const remove: string[] = [];
  for (const item of page.items) {
    // The stream's rules, as if each item had just been written: drafts and private items never enter,
    // and an item that should not be searchable is removed if an old copy is there.
    const changes = await indexChangesFor({ newItem: item }, lookups);
    upsert.push(...changes.upsert);
    remove.push(...changes.delete);
  }
  if (upsert.length > 0) await deps.search.upsert(upsert);
  if (remove.length > 0) await deps.search.delete(remove);
  // Queued only after the page is indexed: a failure above retries this page, never skips it.
  const next = page.cursor ? [{ ...step, cursor: page.cursor, page: step.page + 1 }] : [];
  if (next.length > 0) await deps.send(next);
  deps.log.info(next.length > 0 ? 'reindex page done' : 'reindex segment done', {
    segment: step.segment,
    page: step.page,
    items: page.items.length,
    upserted: upsert.length,
    deleted: remove.length,
  });
  return {
    kind: 'table',
    items: page.items.length,
    upserted: upsert.length,
    deleted: remove.length,
    next: next.length,
  };
}

/** The commons shipped with this deploy, and removal of what it no longer has (bounded by its size). */
async function indexCommons(deps: ReindexDependencies, version: string): Promise<ReindexStepReport> {
  const documents = contentDocuments(deps.commons, contentUpdatedAt);
  for (let start = 0; start < documents.length; start += 500) {
    await deps.search.upsert(documents.slice(start, start + 500));
  }
  const wanted = new Set(documents.map((document) => document.id));
  const stale: string[] = [];
  for (let page = 1; ; page++) {
    const result = await deps.search.search({ text: '', filters: { type: contentTypes }, page, pageSize: 100 });
    for (const hit of result.hits) if (!wanted.has(hit.document.id)) stale.push(hit.document.id);
    if (page * result.pageSize >= result.total || result.hits.length === 0) break;
  }
  if (stale.length > 0) await deps.search.delete(stale);
  // A failed announce fails the step: SQS tries it again, the index's writes repeat harmlessly, and the
  // entries already announced are not sent twice (their digests are stored).
  if (deps.announce) deps.log.info('catalogue announced', { ...(await deps.announce()) });
  // ESCO travels with the commons (both change only with a deploy): its skills follow, a slice a step.
  await deps.send([{ kind: 'esco', version, offset: 0 }]);
  deps.log.info('commons indexed', { upserted: documents.length, deleted: stale.length });
  return { kind: 'commons', upserted: documents.length, deleted: stale.length, next: 1 };
}

/** One slice of ESCO's skills, then the next: a step stays well inside its minute however big ESCO is. */
async function indexEscoSlice(
  deps: ReindexDependencies,
  step: Extract<ReindexStep, { kind: 'esco' }>,
  size: number,
): Promise<ReindexStepReport> {
  const esco = deps.esco();
  const documents = escoSkillDocuments({ ...esco, skills: esco.skills.slice(step.offset, step.offset + size) });
  for (let start = 0; start < documents.length; start += 500) {
    await deps.search.upsert(documents.slice(start, start + 500));
  }
  const end = step.offset + size;
  const next = end < esco.skills.length ? [{ ...step, offset: end }] : [];
  if (next.length > 0) await deps.send(next);
  deps.log.info('ESCO skills indexed', { offset: step.offset, upserted: documents.length, of: esco.skills.length });
  return { kind: 'esco', upserted: documents.length, deleted: 0, next: next.length };
}

/** Openings of one syndicate share a page often: one read of the syndicate per page. */
function memoizedSyndicates(lookups: IndexLookups): IndexLookups {
  const seen = new Map<string, ReturnType<IndexLookups['syndicate']>>();
  return {
    ...lookups,
    syndicate: (id) => {
      let found = seen.get(id);
      if (!found) {
        found = lookups.syndicate(id);
        seen.set(id, found);
      }
      return found;
    },
  };
}
