// Where the federation answers. Actors, inboxes and collections live under /api/federation, so they
// reach the API through the behaviours and routes /api already has; only WebFinger and the NodeInfo
// pointer must sit at the root (/.well-known/). The route table (http/routes/federation-routes.ts and
// catalogue-federation-routes.ts) and Fedify's dispatchers both take their paths from here. Plain data,
// in the domain so the functions that serve the catalogue's Documents carry no ActivityPub adapter
// (adapters/activitypub/paths.ts re-exports it for the federation's own modules).

/** The instance's own `Service` actor: not a syndicate id, since ids are lowercase words and hyphens. */
export const instanceActor = '_instance';

export const federationPaths = {
  actor: '/api/federation/actors/{identifier}',
  inbox: '/api/federation/actors/{identifier}/inbox',
  outbox: '/api/federation/actors/{identifier}/outbox',
  followers: '/api/federation/actors/{identifier}/followers',
  sharedInbox: '/api/federation/inbox',
  nodeInfo: '/api/federation/nodeinfo/2.1',
  activities: '/api/federation/activities',
  /** An opening's Note (domain/federation/opening-activity.ts): dereferenceable while it is open. */
  opening: '/api/federation/openings/{identifier}',
  /** An innovation record's Document (domain/federation/record-object.ts): dereferenceable while published. */
  record: '/api/federation/records/{identifier}',
  /** A course's or practice guide's Document (domain/federation/catalogue-objects.ts): the `practical-api` function's. */
  course: '/api/federation/courses/{slug}',
  /** A day's shortage snapshot Document (`YYYY-MM-DD`, or `latest`): the `practical-api` function's. */
  shortages: '/api/federation/shortages/{date}',
  webFinger: '/.well-known/webfinger',
  nodeInfoPointer: '/.well-known/nodeinfo',
} as const;

/** Where this instance's ids live, as the opening activities name them (no Fedify needed to say so). */
export function federationIds(origin: string) {
  const actor = (syndicateId: string) => `${origin}${federationPaths.actor.replace('{identifier}', syndicateId)}`;
  return {
    origin,
    actorOf: actor,
    followersOf: (syndicateId: string) => `${origin}${federationPaths.followers.replace('{identifier}', syndicateId)}`,
    noteOf: (openingId: string) => `${origin}${federationPaths.opening.replace('{identifier}', openingId)}`,
    activityBase: `${origin}${federationPaths.activities}`,
    recordOf: (recordId: string) => `${origin}${federationPaths.record.replace('{identifier}', recordId)}`,
  };
}

/** Where this instance's catalogue ids live: its courses, guides and shortage snapshots, as the Service's. */
export function catalogueIds(origin: string) {
  const service = `${origin}${federationPaths.actor.replace('{identifier}', instanceActor)}`;
  return {
    origin,
    courseOf: (slug: string) => `${origin}${federationPaths.course.replace('{slug}', slug)}`,
    shortagesOf: (day: string) => `${origin}${federationPaths.shortages.replace('{date}', day)}`,
    serviceActor: service,
    serviceFollowers: `${origin}${federationPaths.followers.replace('{identifier}', instanceActor)}`,
    activityBase: `${origin}${federationPaths.activities}`,
  };
}
