// The `api` function's routes: jobs (syndicates and openings), shortages, search, the OpenAPI
// document and health (learning and credentials are `learning-api`'s). It also answers every /api
// path no route names (404 or 405), so it is the HTTP API's catch-all.
import type { RouteGroup } from './route-group.ts';
import { openingRoutes, syndicateRoutes } from '../routes/job-routes.ts';
import { openApiRoute } from '../routes/openapi-route.ts';
import { searchRoutes } from '../routes/search-routes.ts';
import { shortageRoutes } from '../routes/shortage-routes.ts';
import { systemRoutes } from '../routes/system-routes.ts';

export const apiGroup: RouteGroup = {
  name: 'api',
  routes: [...systemRoutes, ...syndicateRoutes, ...openingRoutes, ...searchRoutes, ...shortageRoutes, openApiRoute],
};
