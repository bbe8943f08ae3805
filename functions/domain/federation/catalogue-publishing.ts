// Serving and publishing the commons' catalogue and shortage snapshots (issue 20): each object answers at
// its id (a course or guide while it is in the catalogue, a Tombstone once it left it; a day's snapshot
// once kept); a start or deploy announces what changed since the last announce (catalogue-objects.ts
// `announceActions`) to the Service's followers, one fan-out job per activity (outbox.ts, whose
// followers of `_instance` are the commons' followers); a new follower is sent the current catalogue and
// the latest snapshot a page at a time (the backfill's sources). Pure, over its ports.
import type { Commons } from '../content/commons.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { ShortageSnapshotReads } from '../shortages/shortage-repository.ts';
import {
  type AnnouncedCourseRepository,
  announceActions,
  type CatalogueIds,
  catalogueCourse,
  catalogueDigest,
  catalogueEntry,
  catalogueSlugs,
  catalogueUrl,
  courseDocument,
  escoRowUris,
  shortagesDocument,
} from './catalogue-objects.ts';
import { type CommonsIds, commonsActivity } from './commons-objects.ts';
import type { BackfillSources, CommonsJob, OutboxQueue } from './outbox.ts';

/** The Service actor's ids as commons-objects.ts names them, from the catalogue's. */
export const commonsIdsOf = (ids: CatalogueIds): CommonsIds => ({
  actor: ids.serviceActor,
  followers: ids.serviceFollowers,
  activityBase: ids.activityBase,
});

export interface CatalogueServeDeps {
  commons: Pick<Commons, 'courses' | 'practices' | 'skills'>;
  announcedCourses: Pick<AnnouncedCourseRepository, 'get'>;
  ids: CatalogueIds;
  now: () => Date;
}

/** The current digest of each catalogue entry, by slug. */
export function catalogueDigests(commons: CatalogueServeDeps['commons'], origin: string): Map<string, string> {
  const digests = new Map<string, string>();
  for (const slug of catalogueSlugs(commons)) {
    const entry = catalogueEntry(commons, slug);
    if (entry) digests.set(slug, catalogueDigest(catalogueCourse(entry, commons), catalogueUrl(origin, entry)));
  }
  return digests;
}

export type ServedCourse =
  | { status: 'found'; document: ReturnType<typeof courseDocument> }
  | { status: 'gone'; tombstone: Record<string, unknown> }
  | { status: 'none' };

/**
 * A course or guide at its id. Its `updated` is when its current digest was announced; before the
 * announce has run for this version, the time of asking, which the announce's later time then passes, so
 * a follower that fetched early still takes the announced one. One that left the catalogue after being
 * announced is a Tombstone; one never here, nothing.
 */
export async function servedCourse(deps: CatalogueServeDeps, slug: string): Promise<ServedCourse> {
  const entry = catalogueEntry(deps.commons, slug);
  const announced = await deps.announcedCourses.get(slug);
  if (!entry) {
    if (!announced) return { status: 'none' };
    return {
      status: 'gone',
      tombstone: {
        '@context': 'https://www.w3.org/ns/activitystreams',
        id: deps.ids.courseOf(slug),
        type: 'Tombstone',
        formerType: 'Document',
        deleted: announced.updated,
      },
    };
  }
  const digest = catalogueDigest(catalogueCourse(entry, deps.commons), catalogueUrl(deps.ids.origin, entry));
  const updated =
    announced && !announced.deleted && announced.digest === digest ? announced.updated : deps.now().toISOString();
  return { status: 'found', document: courseDocument(entry, deps.commons, deps.ids, updated) };
}

export interface ShortageServeDeps {
  commons: Pick<Commons, 'skills'>;
  shortages: ShortageSnapshotReads;
  ids: CatalogueIds;
  /** ESCO labels for the rows the commons does not name (search); absent or failing: the URI. */
  escoLabels?: ((uris: string[]) => Promise<Map<string, string>>) | undefined;
}

/** A day's snapshot (`latest`: the newest kept) as its Document, or null when none was kept. */
export async function servedShortages(deps: ShortageServeDeps, day: string | 'latest') {
  const snapshot = day === 'latest' ? await deps.shortages.latestSnapshot() : await deps.shortages.getSnapshot(day);
  if (!snapshot) return null;
  let labels = new Map<string, string>();
  const uris = escoRowUris(snapshot, deps.commons);
  if (deps.escoLabels && uris.length > 0) {
    // Labels are a courtesy: while search is down a row is named by its URI, never refused.
    labels = await deps.escoLabels(uris).catch(() => new Map<string, string>());
  }
  return shortagesDocument(snapshot, deps.commons, deps.ids, labels);
}

export interface AnnounceDeps {
  commons: CatalogueServeDeps['commons'];
  announcedCourses: AnnouncedCourseRepository;
  outbox: OutboxQueue;
  ids: CatalogueIds;
  now: () => Date;
}

/**
 * Steps: each entry's digest against the one last announced; for each change, the activity queued for
 * the Service's followers first (a `commons` outbox job), then the announced item written, so a run cut
 * short sends again (the same activity id, which a follower has seen) rather than never.
 */
export async function announceCatalogue(deps: AnnounceDeps): Promise<Record<'Create' | 'Update' | 'Delete', number>> {
  const counts = { Create: 0, Update: 0, Delete: 0 };
  const actions = announceActions(catalogueDigests(deps.commons, deps.ids.origin), await deps.announcedCourses.list());
  for (const action of actions) {
    const updated = deps.now().toISOString();
    const entry = catalogueEntry(deps.commons, action.slug);
    const object =
      action.type === 'Delete' || !entry
        ? { id: deps.ids.courseOf(action.slug), updated }
        : courseDocument(entry, deps.commons, deps.ids, updated);
    const activity = commonsActivity(action.type, object, commonsIdsOf(deps.ids));
    await deps.outbox.enqueue({ kind: 'commons', activity, attempt: 0 });
    await deps.announcedCourses.put({
      slug: action.slug,
      digest: action.digest,
      updated,
      ...(action.type === 'Delete' ? { deleted: true } : {}),
    });
    counts[action.type] += 1;
  }
  return counts;
}

/** The current catalogue's Documents, a page at a time, for a new follower's backfill (courses, then guides). */
export async function catalogueSourcePage(
  deps: CatalogueServeDeps,
  request: PageRequest,
): Promise<Page<ReturnType<typeof courseDocument>>> {
  const slugs = catalogueSlugs(deps.commons);
  const start = request.cursor ? Math.max(0, slugs.indexOf(request.cursor) + 1) : 0;
  const slice = slugs.slice(start, start + request.limit);
  const items = [];
  for (const slug of slice) {
    const served = await servedCourse(deps, slug);
    if (served.status === 'found') items.push(served.document);
  }
  const last = slice.at(-1);
  return { items, ...(last && start + slice.length < slugs.length ? { next: last } : {}) };
}

/** The latest snapshot's Document, alone on its page (a follower keeps only the newest). */
export async function shortageSourcePage(deps: ShortageServeDeps, request: PageRequest) {
  if (request.cursor) return { items: [] };
  const document = await servedShortages(deps, 'latest');
  return { items: document ? [document] : [] };
}

/** The Create of a day's snapshot to the Service's followers, as the job that kept it queues it. */
export function snapshotJob(document: ReturnType<typeof shortagesDocument>, ids: CatalogueIds): CommonsJob {
  return { kind: 'commons', activity: commonsActivity('Create', document, commonsIdsOf(ids)), attempt: 0 };
}

/** The backfill's readers of the catalogue and the latest snapshot (outbox.ts, `backfill`). */
export function catalogueBackfillSources(deps: CatalogueServeDeps & ShortageServeDeps): BackfillSources {
  return {
    course: { page: (request) => catalogueSourcePage(deps, request) },
    shortages: { page: (request) => shortageSourcePage(deps, request) },
  };
}
