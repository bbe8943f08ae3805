// The `innovations-api` function's routes: the innovation registry (records, drafts, adoptions, value
// reports), the Bound ledger (statements, credit limits) and the registry log, wherever their paths
// live (/api/me/statement, /api/syndicates/{syndicateId}/adoptions, /api/people/{id}/credit-limit…).
// Payments in Bound are the bound-api function's (bound-group.ts).
import type { RouteGroup } from './route-group.ts';
import { innovationRoutes } from '../routes/innovation-routes.ts';

export const innovationsGroup: RouteGroup = {
  name: 'innovations-api',
  routes: [...innovationRoutes],
};
