// The choices a training place's fields offer on the opening form (training-place.ts holds the rule
// that decides): the courses, those teaching a skill of the syndicate's trade first, and the mentors, the
// syndicate's active members. A syndicate may have thousands of members, so the select lists the first
// `mentorChoiceLimit` (one bounded page read); another member is named by their id in a text field.
import type { Identity } from '#domain/identity.ts';
import type { Commons } from '#domain/content/commons.ts';
import { syndicateMembers } from '#domain/syndicates/syndicate-use-cases.ts';
import type { getServices } from './services.ts';

export const mentorChoiceLimit = 50;

export interface TrainingChoices {
  /** The syndicate's trade's courses (by the skills they teach), then every other course. */
  courses: { ofTrade: Array<{ id: string; title: string }>; others: Array<{ id: string; title: string }> };
  mentors: Array<{ id: string; name: string }>;
  /** More active members than the select lists: the form offers a field for another's id. */
  moreMentors: boolean;
}

export function courseChoices(commons: Pick<Commons, 'courses' | 'skills'>, trade: string): TrainingChoices['courses'] {
  const all = [...commons.courses.values()].map((course) => ({
    id: course.id,
    title: course.title,
    fits: course.trade === trade || course.skills.some((s) => commons.skills.get(s.skill)?.trade === trade),
  }));
  const plain = ({ id, title }: { id: string; title: string }) => ({ id, title });
  return { ofTrade: all.filter((c) => c.fits).map(plain), others: all.filter((c) => !c.fits).map(plain) };
}

export async function trainingChoices(
  services: ReturnType<typeof getServices>,
  commons: Pick<Commons, 'courses' | 'skills'>,
  identity: Identity,
  syndicate: { id: string; trade: string },
): Promise<TrainingChoices> {
  const page = await syndicateMembers(
    services,
    identity,
    syndicate.id,
    { limit: mentorChoiceLimit },
    { activeOnly: true },
  );
  return {
    courses: courseChoices(commons, syndicate.trade),
    mentors: page.items.map(({ membership, name }) => ({ id: membership.personId, name })),
    moreMentors: page.next !== undefined,
  };
}
