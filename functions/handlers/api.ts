// Lambda entry point for every /api route. Services are built once per cold start; logs, metrics and
// tracing wrap each invocation (http/api.ts, platform/telemetry.ts).
import { getServices } from '#app/services.ts';
import { createApiHandler } from '#http/api.ts';

export const handler = createApiHandler(getServices());
