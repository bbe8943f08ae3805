import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { checkHealth } from '#domain/health/check-health.ts';
import { publicRoute } from '../route.ts';

const dependencyHealth = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    status: z.enum(['ok', 'degraded', 'down']),
    latencyMs: z.number(),
    detail: z.optional(z.string()),
  }),
);

export const healthReportSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    status: z.enum(['ok', 'degraded', 'down']),
    checks: z.record(z.string(), dependencyHealth()),
  }),
);

export const systemRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/health',
    auth: 'none',
    doc: documented && {
      summary: 'Status of the store and the search engine',
      tags: ['system'],
      responses: {
        200: {
          description: 'Everything essential works; search may be degraded (down, or its settings differ).',
          schema: healthReportSchema,
        },
        503: { description: 'The store is down.', schema: healthReportSchema },
      },
    },
    async handle({ services }) {
      const report = await checkHealth(services.healthProbes);
      return {
        status: report.status === 'down' ? 503 : 200,
        body: report,
        headers: { 'cache-control': 'no-store' },
      };
    },
  }),
];
