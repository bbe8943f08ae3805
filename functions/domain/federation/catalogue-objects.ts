// The commons' catalogue and daily shortage snapshot as ActivityStreams objects (issue 20; the formats both
// federation helpers agreed: ARCHITECTURE.md, Federation, "Courses and shortages"). A course or practice
// guide is a `Document` with `guildhall:type: "course"` and the catalogue entry under `guildhall:course`;
// the day's snapshot is a `Document` with `guildhall:type: "shortages"` and its top rows under
// `guildhall:shortages`. Both carry an escaped HTML `content` with a link, so ordinary fediverse software
// shows something. Which activity a course calls for is decided from its digest against the one last
// announced (announceActions); the activities themselves are commons-objects.ts's (`commonsActivity`).
// Pure: the caller says where ids live and when a digest was first announced.
import { createHash } from 'node:crypto';
import type { Commons, Course, Practice } from '../content/commons.ts';
import { courseLanguages } from '../content/course-languages.ts';
import { escapeHtml } from '../content/html.ts';
import type { ShortageSnapshot } from '../shortages/shortage-repository.ts';
import { activityStreams } from './follower.ts';
import { publicAudience } from './opening-activity.ts';

/**
 * The Document's JSON-LD context: ActivityStreams. Our own terms (`guildhall:type`, `guildhall:course`,
 * `guildhall:shortages`) are compact IRIs of a prefix no context defines, as the opening's `guildhall:kind`
 * is: a JSON-LD processor keeps them as they are, and Guildhall peers read them by name.
 */
export const catalogueContext = activityStreams;

/** How many rows of a snapshot federate: the scarcest 100, by score. */
export const shortageRowsMax = 100;

/** Where this instance's catalogue ids live (adapters/activitypub/paths.ts says the paths). */
export interface CatalogueIds {
  /** The instance's public origin. */
  origin: string;
  /** A course's or guide's Document id (dereferenceable). */
  courseOf: (slug: string) => string;
  /** A day's shortage snapshot Document id (dereferenceable). */
  shortagesOf: (day: string) => string;
  /** The instance's Service actor id: every catalogue activity's actor. */
  serviceActor: string;
  /** Its followers collection: every catalogue activity's cc. */
  serviceFollowers: string;
  /** Where activity ids are minted: `${activityBase}/<uuid>`. */
  activityBase: string;
}

export type CatalogueEntry = { kind: 'course'; course: Course } | { kind: 'guide'; guide: Practice };

/** A course or practice guide of the commons by its slug (a course first: their ids never collide today). */
export function catalogueEntry(commons: Pick<Commons, 'courses' | 'practices'>, slug: string): CatalogueEntry | null {
  const course = commons.courses.get(slug);
  if (course) return { kind: 'course', course };
  const guide = commons.practices.get(slug);
  return guide ? { kind: 'guide', guide } : null;
}

/** Every slug the catalogue federates, courses then guides, each sorted: the order the backfill pages in. */
export function catalogueSlugs(commons: Pick<Commons, 'courses' | 'practices'>): string[] {
  return [...[...commons.courses.keys()].sort(), ...[...commons.practices.keys()].sort()];
}

/** What `guildhall:course` holds: the catalogue entry as its page shows it, nothing else. */
export interface CatalogueCourse {
  kind: 'course' | 'guide';
  title: string;
  summary: string;
  trade: string;
  skills: Array<{ id: string; esco?: string; label: string }>;
  licence: string;
  languages: string[];
  hours?: number;
}

/** The entry's public fields, from which both its Document and its digest are made. */
export function catalogueCourse(entry: CatalogueEntry, commons: Pick<Commons, 'skills'>): CatalogueCourse {
  const skillIds = entry.kind === 'course' ? entry.course.skills.map((s) => s.skill) : entry.guide.skills;
  const skills = skillIds.map((id) => {
    const skill = commons.skills.get(id);
    return { id, ...(skill?.esco ? { esco: skill.esco } : {}), label: skill?.label ?? id };
  });
  if (entry.kind === 'course') {
    const { course } = entry;
    return {
      kind: 'course',
      title: course.title,
      summary: course.summary,
      trade: course.trade,
      skills,
      licence: course.license,
      languages: courseLanguages(course),
      hours: course.hours,
    };
  }
  const { guide } = entry;
  // Practice guides are written in English and have no translations yet.
  return {
    kind: 'guide',
    title: guide.title,
    summary: guide.summary,
    trade: guide.trade,
    skills,
    licence: guide.license,
    languages: ['en'],
  };
}

const slugOf = (entry: CatalogueEntry) => (entry.kind === 'course' ? entry.course.id : entry.guide.id);

/** The page a person reads the entry on. */
export function catalogueUrl(origin: string, entry: CatalogueEntry): string {
  return entry.kind === 'course'
    ? `${origin}/learn/${entry.course.id}/`
    : `${origin}/learn/practices/${entry.guide.id}/`;
}

/**
 * The entry's digest: the SHA-256 of what a follower is sent (its fields and link), so an announce sends an
 * Update exactly when one of them changed, and nothing for a deploy that changed none.
 */
export function catalogueDigest(course: CatalogueCourse, url: string): string {
  return createHash('sha256').update(JSON.stringify({ course, url })).digest('base64url');
}

/**
 * The Document for a course or guide. `updated` is when its current digest was first announced (the
 * announce job keeps it), so it is stable between deploys that change nothing and grows with each change.
 */
export function courseDocument(
  entry: CatalogueEntry,
  commons: Pick<Commons, 'skills'>,
  ids: CatalogueIds,
  updated: string,
) {
  const course = catalogueCourse(entry, commons);
  const url = catalogueUrl(ids.origin, entry);
  const content = [
    `<p><strong>${escapeHtml(course.title)}</strong></p>`,
    `<p>${escapeHtml(course.summary)}</p>`,
    `<p>${course.skills.map((s) => escapeHtml(s.label)).join(', ')}</p>`,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
  ].join('');
  return {
    '@context': catalogueContext,
    id: ids.courseOf(slugOf(entry)),
    type: 'Document' as const,
    attributedTo: ids.serviceActor,
    to: [publicAudience],
    cc: [ids.serviceFollowers],
    name: course.title,
    content,
    url,
    updated,
    'guildhall:type': 'course' as const,
    'guildhall:course': course,
  };
}

export type CourseDocument = ReturnType<typeof courseDocument>;

/** A snapshot as the daily job keeps it: the scores by skill, with the commons' figures that day. */
export interface SnapshotFigures {
  members?: number | undefined;
  openPositions?: number | undefined;
}

export interface ShortageRow {
  skill: { id: string; esco?: string; label: string };
  demand: number;
  supply: number;
  score: number;
}

/**
 * The snapshot's scarcest rows (by score, then demand, then id, so equal scores order the same every
 * time), at most `shortageRowsMax`. A commons skill is named by its id, with its ESCO URI when it maps
 * one; an ESCO skill the commons lacks by its URI, both as id and esco. Labels: the commons', then
 * `escoLabels` (read from search), else the URI.
 */
export function shortageRows(
  snapshot: Pick<ShortageSnapshot, 'skills'>,
  commons: Pick<Commons, 'skills'>,
  escoLabels: ReadonlyMap<string, string> = new Map(),
): ShortageRow[] {
  return Object.entries(snapshot.skills)
    .filter(([, value]) => value.demand > 0 || value.supply > 0)
    .sort(([a, x], [b, y]) => y.score - x.score || y.demand - x.demand || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, shortageRowsMax)
    .map(([id, value]) => {
      const skill = commons.skills.get(id);
      const esco = skill ? skill.esco : id.startsWith('http') ? id : undefined;
      const label = skill?.label ?? escoLabels.get(id) ?? id;
      return {
        skill: { id, ...(esco ? { esco } : {}), label },
        demand: value.demand,
        supply: value.supply,
        score: value.score,
      };
    });
}

/** The ESCO URIs among a snapshot's rows that the commons does not name (their labels are read from search). */
export function escoRowUris(snapshot: Pick<ShortageSnapshot, 'skills'>, commons: Pick<Commons, 'skills'>): string[] {
  return shortageRows(snapshot, commons)
    .map((row) => row.skill.id)
    .filter((id) => id.startsWith('http'));
}

/** The day's snapshot as a Document: `published` the end of its day, its figures and top rows. */
export function shortagesDocument(
  snapshot: ShortageSnapshot & SnapshotFigures,
  commons: Pick<Commons, 'skills'>,
  ids: CatalogueIds,
  escoLabels?: ReadonlyMap<string, string>,
) {
  const host = new URL(ids.origin).host;
  const rows = shortageRows(snapshot, commons, escoLabels);
  const url = `${ids.origin}/shortages/`;
  const content = [
    `<p><strong>${escapeHtml(`Skill shortages at ${host}, ${snapshot.day}`)}</strong></p>`,
    `<p>${rows
      .slice(0, 5)
      .map((row) => escapeHtml(row.skill.label))
      .join(', ')}</p>`,
    `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
  ].join('');
  return {
    '@context': catalogueContext,
    id: ids.shortagesOf(snapshot.day),
    type: 'Document' as const,
    attributedTo: ids.serviceActor,
    to: [publicAudience],
    cc: [ids.serviceFollowers],
    name: `Skill shortages at ${host}, ${snapshot.day}`,
    content,
    url,
    published: `${snapshot.day}T23:59:59Z`,
    // A snapshot never changes once its day is over: its day's end is when it last changed.
    updated: `${snapshot.day}T23:59:59Z`,
    'guildhall:type': 'shortages' as const,
    'guildhall:shortages': {
      date: snapshot.day,
      instance: host,
      members: snapshot.members ?? 0,
      openPositions: snapshot.openPositions ?? 0,
      rows,
    },
  };
}

export type ShortagesDocument = ReturnType<typeof shortagesDocument>;

export type CatalogueActivityType = 'Create' | 'Update' | 'Delete';

/** What was last announced of one catalogue entry (an item per slug). */
export interface AnnouncedCourse {
  slug: string;
  digest: string;
  /** When this digest was first announced: the Document's `updated`. */
  updated: string;
  /** Set once its Delete went out: the entry left the catalogue. */
  deleted?: boolean | undefined;
}

export interface AnnouncedCourseRepository {
  get(slug: string): Promise<AnnouncedCourse | null>;
  /** Every entry announced (the catalogue's size, with those deleted since). */
  list(): Promise<AnnouncedCourse[]>;
  put(announced: AnnouncedCourse): Promise<void>;
}

export interface AnnounceAction {
  type: CatalogueActivityType;
  slug: string;
  digest: string;
}

/**
 * What a start or deploy announces: a Create for an entry never announced (or announced deleted), an
 * Update for one whose digest changed, a Delete for one announced that left the catalogue; nothing for
 * an entry whose digest is the one last announced.
 */
export function announceActions(
  current: ReadonlyMap<string, string>,
  announced: ReadonlyArray<AnnouncedCourse>,
): AnnounceAction[] {
  const before = new Map(announced.map((a) => [a.slug, a]));
  const actions: AnnounceAction[] = [];
  for (const [slug, digest] of current) {
    const last = before.get(slug);
    if (!last || last.deleted) actions.push({ type: 'Create', slug, digest });
    else if (last.digest !== digest) actions.push({ type: 'Update', slug, digest });
  }
  for (const last of announced) {
    if (!last.deleted && !current.has(last.slug))
      actions.push({ type: 'Delete', slug: last.slug, digest: last.digest });
  }
  return actions;
}
