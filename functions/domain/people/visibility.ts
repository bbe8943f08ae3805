// Who sees which section of a person's profile. One rule for the API (`GET /api/people/{id}`) and the
// site's page (`/people/<id>/`): a section shows when its setting allows the viewer's relation to the
// person. The person always sees all of it; their name is always shown (it is on every record, adoption
// and membership they appear in already). The admins of a syndicate a person has an open application to
// see what the person shows members, as a co-member would: the profile is what the person applies with,
// so hiding it from the people deciding would make the application blind. Never what is kept private.
import { type Privacy, type ProfileSection, profileSections, type Visibility } from './profile.ts';

/**
 * How the viewer stands to the person: themselves, sharing an active syndicate, an admin of a syndicate
 * the person has an open application to (`applicant`: the person is the viewer's applicant), or anyone else.
 */
export const relations = ['self', 'co-member', 'applicant', 'outsider'] as const;
export type Relation = (typeof relations)[number];

/** What each setting lets through, from the widest audience to the narrowest. */
const audience: Record<Visibility, readonly Relation[]> = {
  public: ['self', 'co-member', 'applicant', 'outsider'],
  members: ['self', 'co-member', 'applicant'],
  private: ['self'],
};

export const canSee = (setting: Visibility, relation: Relation) => audience[setting].includes(relation);

/** The sections the viewer may see, in the page's order. */
export const visibleSections = (privacy: Privacy, relation: Relation): ProfileSection[] =>
  profileSections.filter((section) => canSee(privacy[section], relation));

/**
 * The viewer's relation to the person: `viewerId` is null for a visitor who is not signed in. Shared
 * syndicates are the intersection of both people's active memberships (see profile-view.ts for how
 * many are read); an unknown relation is an outsider's, so a cap can only hide, never reveal.
 * `appliedToViewer` is whether the person has an open application to a syndicate the viewer admins, as
 * the applicant view established it from the application itself (applicant-view.ts).
 */
export function relationOf(
  personId: string,
  viewerId: string | null,
  personSyndicates: readonly string[],
  viewerSyndicates: readonly string[],
  appliedToViewer = false,
): Relation {
  if (viewerId === personId) return 'self';
  if (viewerId === null) return 'outsider';
  const theirs = new Set(personSyndicates);
  if (viewerSyndicates.some((id) => theirs.has(id))) return 'co-member';
  return appliedToViewer ? 'applicant' : 'outsider';
}
