// The `people-api` function's routes: a person's own profile (/api/me and its declared skills) and
// other people's profiles. The people issue's hiring loop, inbox and account routes join this group,
// so the `api` function's bundle (jobs, learning, credentials, search, shortages) keeps within budget.
// A person's best-matching openings moved on to `market-api` when the account's data rights (orders,
// drafts and votes in its download and deletion) took this one past its 256,000 bytes; the email
// preferences and the unsubscribe went there too when the refusals came in Spanish and Dutch.
import type { RouteGroup } from './route-group.ts';
import { accountRoutes } from '../routes/account-routes.ts';
import { notificationRoutes } from '../routes/notification-routes.ts';
import { peopleRoutes } from '../routes/people-routes.ts';
import { savedSearchRoutes } from '../routes/saved-search-routes.ts';

export const peopleGroup: RouteGroup = {
  name: 'people-api',
  routes: [...peopleRoutes, ...accountRoutes, ...notificationRoutes, ...savedSearchRoutes],
};
