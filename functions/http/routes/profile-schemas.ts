// What a profile answers with, as people-routes.ts (`GET /api/people/{id}`) and applicant-routes.ts (an
// applicant's profile, the hiring-api function's) document it. A module of its own: importing it from
// people-routes.ts would bring that whole route table into the hiring function's bundle.
import * as z from 'zod/mini';
import { availabilityStatuses, linkKinds, profileSections, visibilities } from '#domain/people/profile.ts';
import { relations } from '#domain/people/visibility.ts';

/** What `GET /api/people/{id}` answers (profile-view.ts): each section only when the viewer may see it. */
export const profileViewSchema = () => {
  const capped = <T extends z.core.SomeType>(item: T) =>
    z.optional(z.object({ items: z.array(item), more: z.boolean() }));
  return z.object({
    id: z.string(),
    name: z.string(),
    relation: z.enum(relations),
    hidden: z.array(z.enum(profileSections)),
    privacy: z.optional(z.record(z.enum(profileSections), z.enum(visibilities))),
    about: z.optional(
      z.object({
        place: z.string(),
        bio: z.string(),
        availability: z.object({ status: z.enum(availabilityStatuses), from: z.optional(z.string()) }),
        hoursPerWeek: z.optional(z.number()),
        languages: z.array(z.string()),
        links: z.partialRecord(z.enum(linkKinds), z.string()),
      }),
    ),
    credentials: capped(
      z.object({ id: z.string(), courseId: z.string(), courseTitle: z.string(), issuedAt: z.string() }),
    ),
    skills: capped(
      z.object({
        skill: z.string(),
        label: z.string(),
        level: z.string(),
        link: z.optional(z.string()),
        note: z.optional(z.string()),
      }),
    ),
    courses: capped(z.object({ courseId: z.string(), title: z.string() })),
    syndicates: capped(z.object({ id: z.string(), name: z.string(), role: z.string() })),
    innovations: capped(z.object({ id: z.string(), title: z.string(), publishedAt: z.optional(z.string()) })),
  });
};
