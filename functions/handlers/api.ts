// Lambda entry point for every /api route. A request that did not come through CloudFront is refused
// first; services (with their secrets, read at run time) are built once per cold start, on first use.
// Logs, metrics and tracing wrap each invocation (http/api.ts, platform/telemetry.ts).
import { getSecretReader } from '#app/secrets.ts';
import { loadServices } from '#app/services.ts';
import { getTelemetry } from '#app/store-services.ts';
import { getConfig } from '#config/config.ts';
import { createApiHandler } from '#http/api.ts';
import { lazyOriginCheck } from '#http/origin-check-config.ts';

export const handler = createApiHandler({
  telemetry: getTelemetry,
  services: loadServices,
  fromCloudFront: lazyOriginCheck(getConfig, getSecretReader),
});
