// The schemas the registry's routes (innovation-routes.ts) and the ledger's (ledger-routes.ts) share. A
// module of their own: they are different functions' routes (innovations-api, ledger-api), and a module of
// routes cannot be imported for a schema without bringing its whole table (and its use cases) along.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { idParam as id } from './params.ts';

export const innovation = /* @__PURE__ */ lazySchema(() => z.object({ innovationId: id() }));

/**
 * What lists of innovation things answer with, item by item (open: answers carry more fields). For the
 * OpenAPI document only: called from a response's schema factory.
 */
export const recordItem = /* @__PURE__ */ lazySchema(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    status: z.enum(['draft', 'published']),
    currentVersion: z.number().check(z.int()),
    skills: z.array(z.string()),
    practice: z.optional(z.string()),
    inventorIds: z.array(z.string()),
    adopterCount: z.optional(z.number().check(z.int())),
  }),
);
export const adoptionItem = /* @__PURE__ */ lazySchema(() =>
  z.object({
    innovationId: z.string(),
    syndicateId: z.string(),
    version: z.number().check(z.int()),
    adoptedAt: z.string(),
  }),
);
export const reportItem = /* @__PURE__ */ lazySchema(() =>
  z.object({
    id: z.string(),
    innovationId: z.string(),
    syndicateId: z.string(),
    amount: z.string(),
    reportedAt: z.string(),
    effectiveStatus: z.enum(['pending', 'confirmed', 'disputed', 'settled']),
  }),
);
