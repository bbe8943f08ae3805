// The API: every route, in one static table, behind one router. The CDK app reads the same table to
// declare one API Gateway route per entry (with the JWT authorizer on protected ones).
import type { Services } from '#app/services.ts';
import { lambdaHandler, type Telemetry } from '#platform/telemetry.ts';
import { type ApiEvent, type ApiResult, requestFromEvent, resultFromResponse } from './apigw.ts';
import { buildOpenApi } from './openapi.ts';
import { anyOrigin, type OriginCheck, originRefusal } from './origin-check.ts';
import { publicRoute, type AnyRoute } from './route.ts';
import { createRouter } from './router.ts';
import { innovationRoutes } from './routes/innovation-routes.ts';
import { ledgerRoutes, registryLogRoutes } from './routes/ledger-routes.ts';
import { openingRoutes, syndicateRoutes } from './routes/job-routes.ts';
import { learningRoutes } from './routes/learning-routes.ts';
import { peopleRoutes } from './routes/people-routes.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { shortageRoutes } from './routes/shortage-routes.ts';
import { systemRoutes } from './routes/system-routes.ts';

const domainRoutes: AnyRoute[] = [
  ...systemRoutes,
  ...peopleRoutes,
  ...learningRoutes,
  ...syndicateRoutes,
  ...openingRoutes,
  ...innovationRoutes,
  ...ledgerRoutes,
  ...registryLogRoutes,
  ...searchRoutes,
  ...shortageRoutes,
];

const openApiRoute = publicRoute({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This document: every route of the API',
  tags: ['system'],
  auth: 'none',
  responses: { 200: { description: 'OpenAPI 3.1 document.' } },
  async handle() {
    openApiDocument ??= buildOpenApi(apiRoutes, { title: 'Guildhall API', version: '0.1.0' });
    return { body: openApiDocument, headers: { 'cache-control': 'public, max-age=300' } };
  },
});

let openApiDocument: ReturnType<typeof buildOpenApi> | undefined;

export const apiRoutes: AnyRoute[] = [...domainRoutes, openApiRoute];

export function createApi(services: Services) {
  return createRouter(apiRoutes, {
    services,
    maxBodyBytes: services.config.MAX_BODY_BYTES,
    exposeInternals: services.config.STAGE === 'local',
    telemetry: services.telemetry,
  });
}

export interface ApiHandlerOptions {
  /** Logs, metrics and traces around each invocation; given as a function, built on the first one. */
  telemetry: Telemetry | (() => Telemetry);
  /** The services, loaded on the first request that passes the origin check (secrets are read then). */
  services: () => Promise<Services>;
  /** Refuses a request that did not come through CloudFront, before anything is built; none locally. */
  fromCloudFront?: OriginCheck;
}

/**
 * The API's Lambda handler: a request without CloudFront's header is refused first; every other gets
 * one log line and one metric (the router's), with API Gateway's request id as the correlation id of
 * every line it logs.
 */
export function createApiHandler({ telemetry, services, fromCloudFront = anyOrigin }: ApiHandlerOptions) {
  let api: ReturnType<typeof createApi> | undefined;
  return lambdaHandler(
    telemetry,
    async (event: ApiEvent): Promise<ApiResult> => {
      if (!(await fromCloudFront(event.headers))) return originRefusal();
      api ??= createApi(await services());
      return resultFromResponse(await api.handle(requestFromEvent(event)));
    },
    { correlationId: (event) => event.requestContext.requestId },
  );
}
