// The `people-api` function's routes: a person's own profile (/api/me and its declared skills) and
// other people's profiles. The people issue's hiring loop, inbox and account routes join this group,
// so the `api` function's bundle (jobs, learning, credentials, search, shortages) keeps within budget.
import type { RouteGroup } from './route-group.ts';
import { bestMatchRoutes } from '../routes/best-match-routes.ts';
import { peopleRoutes } from '../routes/people-routes.ts';
import { savedSearchRoutes } from '../routes/saved-search-routes.ts';

export const peopleGroup: RouteGroup = {
  name: 'people-api',
  routes: [...peopleRoutes, ...savedSearchRoutes, ...bestMatchRoutes],
};
