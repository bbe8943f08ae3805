// A person's profile as someone else sees it: the API's `GET /api/people/{id}` and the site's
// `/people/<id>/` both answer this, so one rule (visibility.ts) decides what either shows. A section
// the viewer may not see is neither read nor sent; its name is listed in `hidden`, so a page can say
// that something is there without saying what.
//
// Each list is capped, not paged: a profile is a summary that links on to full lists elsewhere. The
// caps and why: credentials and completed courses are at most one per course of the commons, but the
// newest `listCap` are what a visitor reads; syndicates and published innovations grow without bound,
// so the first `listCap` are read (by syndicate id, newest records first) and `more` says there are
// others. Whether two people share a syndicate is read from the first `membershipWindow` active
// memberships of each: someone in more syndicates than that may be seen as an outsider by a co-member
// (only ever less shown, never more).
import { skillLabelOf } from '../content/skill-ref.ts';
import type { Commons } from '../content/commons.ts';
import { NotFoundError } from '../errors.ts';
import type { InnovationRepository } from '../innovations/innovation-repository.ts';
import type { LearningRepository } from '../learning/learning-repository.ts';
import { firstItems } from '../paged-reads.ts';
import type { SyndicateRepository } from '../syndicates/syndicate.ts';
import type { PeopleRepository, Person } from './person.ts';
import {
  type Availability,
  type DeclaredSkill,
  type Links,
  type Privacy,
  type ProfileSection,
  profileSections,
} from './profile.ts';
import { type Relation, relationOf, visibleSections } from './visibility.ts';

export const listCap = 20;
export const membershipWindow = 100;

export interface ProfileViewDependencies {
  people: Pick<PeopleRepository, 'get'>;
  syndicates: Pick<SyndicateRepository, 'pageMembershipsOf' | 'getMany'>;
  learning: Pick<LearningRepository, 'listCredentials' | 'listEnrollments'>;
  innovations: Pick<InnovationRepository, 'inventorPage' | 'getMany'>;
  commons: Pick<Commons, 'skills' | 'courses'>;
}

export interface ProfileView {
  id: string;
  name: string;
  relation: Relation;
  /** The sections the viewer may not see; only the person sees their own settings. */
  hidden: ProfileSection[];
  privacy?: Privacy | undefined;
  about?: {
    place: string;
    bio: string;
    availability: Availability;
    hoursPerWeek?: number | undefined;
    languages: string[];
    links: Links;
  };
  credentials?: Capped<{ id: string; courseId: string; courseTitle: string; issuedAt: string; skills: string[] }>;
  skills?: Capped<DeclaredSkill & { label: string }>;
  courses?: Capped<{ courseId: string; title: string }>;
  syndicates?: Capped<{ id: string; name: string; role: string }>;
  innovations?: Capped<{ id: string; title: string; publishedAt?: string | undefined }>;
}

export interface Capped<T> {
  items: T[];
  /** True when there are more than the profile shows. */
  more: boolean;
}

const capped = <T>(items: T[], more = false): Capped<T> => ({
  items: items.slice(0, listCap),
  more: more || items.length > listCap,
});

/**
 * The person's profile as `viewerId` (null: not signed in) may see it; 404 for no such person.
 * `appliedToViewer`: the caller has established, from the application itself, that the person has an
 * open application to a syndicate the viewer admins (applicant-view.ts); visibility.ts decides what that shows.
 */
export async function viewProfile(
  deps: ProfileViewDependencies,
  personId: string,
  viewerId: string | null,
  { appliedToViewer = false }: { appliedToViewer?: boolean } = {},
): Promise<ProfileView> {
  // Memberships are read only where they decide something: the relation of a signed-in other person
  // (both people's, side by side), or the syndicates section itself.
  const other = viewerId !== null && viewerId !== personId;
  const [person, theirs, viewers] = await Promise.all([
    deps.people.get(personId),
    other ? activeSyndicates(deps, personId) : undefined,
    other ? activeSyndicates(deps, viewerId) : undefined,
  ]);
  if (!person) throw new NotFoundError('person', personId);
  const relation = relationOf(personId, viewerId, theirs?.ids ?? [], viewers?.ids ?? [], appliedToViewer);
  const shown = new Set(visibleSections(person.privacy, relation));
  const view: ProfileView = {
    id: person.id,
    name: person.name,
    relation,
    hidden: profileSections.filter((section) => !shown.has(section)),
    ...(relation === 'self' ? { privacy: person.privacy } : {}),
  };
  if (shown.has('about')) view.about = about(person);
  if (shown.has('skills')) {
    view.skills = capped(person.declaredSkills.map((s) => ({ ...s, label: skillLabelOf(deps.commons, s) })));
  }
  // Only the sections shown are read, side by side.
  const none = Promise.resolve(undefined);
  const [credentialList, courseList, syndicateList, innovationList] = await Promise.all([
    shown.has('credentials') ? credentials(deps, personId) : none,
    shown.has('courses') ? courses(deps, personId) : none,
    shown.has('syndicates') ? syndicates(deps, theirs ?? (await activeSyndicates(deps, personId))) : none,
    shown.has('innovations') ? innovations(deps, personId) : none,
  ]);
  if (credentialList) view.credentials = credentialList;
  if (courseList) view.courses = courseList;
  if (syndicateList) view.syndicates = syndicateList;
  if (innovationList) view.innovations = innovationList;
  return view;
}

const about = (person: Person): NonNullable<ProfileView['about']> => ({
  place: person.place,
  bio: person.bio,
  availability: person.availability,
  ...(person.hoursPerWeek === undefined ? {} : { hoursPerWeek: person.hoursPerWeek }),
  languages: person.languages,
  links: person.links,
});

async function activeSyndicates(deps: ProfileViewDependencies, personId: string) {
  const read = await firstItems((request) => deps.syndicates.pageMembershipsOf(personId, request), membershipWindow);
  const active = read.items.filter((m) => m.status === 'active');
  return { ids: active.map((m) => m.syndicateId), memberships: active, more: read.more };
}

async function credentials(deps: ProfileViewDependencies, personId: string) {
  const all = await deps.learning.listCredentials(personId);
  const newest = all.toSorted((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  return capped(
    newest.map(({ id, courseId, issuedAt, skills }) => ({
      id,
      courseId,
      courseTitle: deps.commons.courses.get(courseId)?.title ?? courseId,
      issuedAt,
      skills,
    })),
  );
}

async function courses(deps: ProfileViewDependencies, personId: string) {
  const enrollments = await deps.learning.listEnrollments(personId);
  return capped(
    enrollments
      .filter((e) => e.status === 'completed')
      .toSorted((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((e) => ({ courseId: e.courseId, title: deps.commons.courses.get(e.courseId)?.title ?? e.courseId })),
  );
}

async function syndicates(deps: ProfileViewDependencies, theirs: Awaited<ReturnType<typeof activeSyndicates>>) {
  const first = theirs.memberships.slice(0, listCap);
  const found = await deps.syndicates.getMany(first.map((m) => m.syndicateId));
  return capped(
    first.map((m) => ({ id: m.syndicateId, name: found.get(m.syndicateId)?.name ?? m.syndicateId, role: m.role })),
    theirs.more || theirs.memberships.length > listCap,
  );
}

/**
 * Published records the person is an inventor of, from their newest `listCap` inventor links: drafts
 * and invitations are skipped, so the list may be shorter than the cap while `more` says to look on.
 */
async function innovations(deps: ProfileViewDependencies, personId: string) {
  const page = await deps.innovations.inventorPage(personId, { limit: listCap });
  const records = await deps.innovations.getMany(page.items);
  const published = page.items.flatMap((id) => {
    const record = records.get(id);
    return record?.status === 'published' && record.inventorIds.includes(personId)
      ? [{ id: record.id, title: record.title, publishedAt: record.publishedAt }]
      : [];
  });
  return capped(published, page.next !== undefined);
}
