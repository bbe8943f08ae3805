// Who sees which section of a person's profile. One rule for the API (`GET /api/people/{id}`) and the
// site's page (`/people/<id>/`): a section shows when its setting allows the viewer's relation to the
// person. The person always sees all of it; their name is always shown (it is on every record, adoption
// and membership they appear in already).
import { type Privacy, type ProfileSection, profileSections, type Visibility } from './profile.ts';

/** How the viewer stands to the person: themselves, sharing an active syndicate, or anyone else. */
export type Relation = 'self' | 'co-member' | 'outsider';

/** What each setting lets through, from the widest audience to the narrowest. */
const audience: Record<Visibility, readonly Relation[]> = {
  public: ['self', 'co-member', 'outsider'],
  members: ['self', 'co-member'],
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
 */
export function relationOf(
  personId: string,
  viewerId: string | null,
  personSyndicates: readonly string[],
  viewerSyndicates: readonly string[],
): Relation {
  if (viewerId === personId) return 'self';
  if (viewerId === null) return 'outsider';
  const theirs = new Set(personSyndicates);
  return viewerSyndicates.some((id) => theirs.has(id)) ? 'co-member' : 'outsider';
}
