// The API: every route, in one static table made of the route groups, one per Lambda function. The
// CDK app reads the table to declare one API Gateway route per entry (with the JWT authorizer on
// protected ones) and sends each to its group's function; the OpenAPI document, the local gateway and
// the tests read the whole table. A Lambda entry imports its group alone (handlers/*.ts).
import type { Services } from '#app/services.ts';
import { createApiRouter } from './api-handler.ts';
import { apiGroup } from './groups/api-group.ts';
import { boundGroup } from './groups/bound-group.ts';
import { decisionsGroup } from './groups/decisions-group.ts';
import { federationGroup } from './groups/federation-group.ts';
import { hiringGroup } from './groups/hiring-group.ts';
import { innovationsGroup } from './groups/innovations-group.ts';
import { learningGroup } from './groups/learning-group.ts';
import { ledgerGroup } from './groups/ledger-group.ts';
import { marketGroup } from './groups/market-group.ts';
import { peopleGroup } from './groups/people-group.ts';
import { practicalGroup } from './groups/practical-group.ts';
import type { RouteGroup } from './groups/route-group.ts';
import type { AnyRoute } from './route.ts';

/** The groups, each served by its own function; the first (`api`) also answers unknown /api paths. */
export const routeGroups: RouteGroup[] = [
  apiGroup,
  learningGroup,
  practicalGroup,
  innovationsGroup,
  ledgerGroup,
  peopleGroup,
  hiringGroup,
  boundGroup,
  marketGroup,
  decisionsGroup,
  federationGroup,
];

/** What the OpenAPI document says of itself. */
export const apiInfo = { title: 'Guildhall API', version: '0.1.0' };

export const apiRoutes: AnyRoute[] = routeGroups.flatMap((group) => group.routes);

export function createApi(services: Services, routes: AnyRoute[] = apiRoutes) {
  return createApiRouter(routes, services);
}
