// The `federation-api` function's routes: ActivityPub (issue 20). A group of its own because Fedify, the
// ActivityPub library, adds 2.7 MB to a bundle and ~250 ms to its import, far past the 250 KB and 20 ms
// the other API functions keep to (figures in ARCHITECTURE.md); its traffic is servers, not people.
import type { RouteGroup } from './route-group.ts';
import { federationBlockRoutes } from '../routes/federation-block-routes.ts';
import { witnessedLogRoutes, witnessReportRoutes } from '../routes/witness-routes.ts';
import { federationRoutes } from '../routes/federation-routes.ts';
import { federationFollowRoutes } from '../routes/federation-follow-routes.ts';

export const federationGroup: RouteGroup = {
  name: 'federation-api',
  // Witnessing registry logs (issue 20) fetches other instances through the guarded fetch, as federation does.
  routes: [
    ...federationRoutes,
    ...federationBlockRoutes,
    ...federationFollowRoutes,
    ...witnessedLogRoutes,
    ...witnessReportRoutes,
  ],
};
