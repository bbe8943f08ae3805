// The `decisions-api` function's routes: deciding together (issue 17): proposals, votes and closing.
// A group of its own: enacting a proposal reaches the ledger's credit limits and the syndicates'
// memberships and rate cards, and neither the Bound function nor the others had that room to spare.
import type { RouteGroup } from './route-group.ts';
import { decisionRoutes } from '../routes/decision-routes.ts';

export const decisionsGroup: RouteGroup = {
  name: 'decisions-api',
  routes: [...decisionRoutes],
};
