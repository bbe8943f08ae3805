// The API's Lambda handler over a list of routes: a route group in AWS (handlers/api.ts,
// handlers/innovations-api.ts), the whole table in the local gateway. It imports no route table
// itself, so each function's bundle carries only the routes its entry gives it.
import { getSecretReader } from '#app/secrets.ts';
import { loadServices, type Services } from '#app/services.ts';
import { getTelemetry } from '#app/store-services.ts';
import { getConfig } from '#config/config.ts';
import { lambdaHandler, type Telemetry } from '#platform/telemetry.ts';
import { type ApiEvent, type ApiResult, requestFromEvent, resultFromResponse } from './apigw.ts';
import { lazyOriginCheck } from './origin-check-config.ts';
import { anyOrigin, type OriginCheck, originRefusal } from './origin-check.ts';
import type { AnyRoute } from './route.ts';
import { createRouter } from './router.ts';

export interface ApiHandlerOptions {
  /** The routes this function serves; any other path is answered 404 (or 405) by its router. */
  routes: AnyRoute[];
  /** Logs, metrics and traces around each invocation; given as a function, built on the first one. */
  telemetry: Telemetry | (() => Telemetry);
  /** The services, loaded on the first request that passes the origin check (secrets are read then). */
  services: () => Promise<Services>;
  /** Refuses a request that did not come through CloudFront, before anything is built; none locally. */
  fromCloudFront?: OriginCheck;
}

/** A router over `routes` with the services' limits and log; internals shown only in local dev mode. */
export function createApiRouter(routes: AnyRoute[], services: Services) {
  return createRouter(routes, {
    services,
    maxBodyBytes: services.config.MAX_BODY_BYTES,
    exposeInternals: services.config.STAGE === 'local',
    telemetry: services.telemetry,
  });
}

/**
 * The API's Lambda handler: a request without CloudFront's header is refused first; every other gets
 * one log line and one metric (the router's), with API Gateway's request id as the correlation id of
 * every line it logs.
 */
export function createApiHandler({ routes, telemetry, services, fromCloudFront = anyOrigin }: ApiHandlerOptions) {
  let router: ReturnType<typeof createRouter> | undefined;
  return lambdaHandler(
    telemetry,
    async (event: ApiEvent): Promise<ApiResult> => {
      if (!(await fromCloudFront(event.headers))) return originRefusal();
      router ??= createApiRouter(routes, await services());
      return resultFromResponse(await router.handle(requestFromEvent(event)));
    },
    { correlationId: (event) => event.requestContext.requestId },
  );
}

/**
 * The handler as a function runs it: services (with their secrets, read at run time) built once per
 * cold start on first use, and CloudFront's origin header checked against the configured secret.
 */
export function processApiHandler(routes: AnyRoute[]) {
  return createApiHandler({
    routes,
    telemetry: getTelemetry,
    services: loadServices,
    fromCloudFront: lazyOriginCheck(getConfig, getSecretReader),
  });
}
