// The writes inventors and adopting syndicates make to innovation records, adoptions and value reports.
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { idSchema } from '#domain/ids.ts';
import {
  adoptionInputSchema,
  disputeReasonSchema,
  type ValueReport,
  valueReportInputSchema,
} from '#domain/innovations/adoption.ts';
import { adoptInnovation } from '#domain/innovations/adopt-innovation.ts';
import { decideReport, reportValue } from '#domain/innovations/adoption-use-cases.ts';
import { decideConsent } from '#domain/innovations/consent-use-cases.ts';
import { innovationInputSchema } from '#domain/innovations/innovation.ts';
import {
  createInnovation,
  publishInnovation,
  startCorrection,
  updateDraft,
} from '#domain/innovations/innovation-use-cases.ts';
import { settleReport } from '#domain/innovations/settle-report.ts';
import type { BusinessCount } from '#platform/metrics.ts';
import { command } from './command.ts';

const record = /* @__PURE__ */ lazySchema(() => z.object({ innovationId: idSchema() }));
const adoption = /* @__PURE__ */ lazySchema(() => z.object({ innovationId: idSchema(), syndicateId: idSchema() }));
const report = /* @__PURE__ */ lazySchema(() => z.object({ innovationId: idSchema(), reportId: idSchema() }));

export const createInnovationCommand = command({
  name: 'innovations.create',
  input: () => ({ body: innovationInputSchema() }),
  run: ({ services, identity, body }) => createInnovation(services, identity, body),
});

export const updateDraftCommand = command({
  name: 'innovations.update-draft',
  input: () => ({ params: record(), body: innovationInputSchema() }),
  run: ({ services, identity, params, body }) => updateDraft(services, identity, params.innovationId, body),
});

export const consentCommand = command({
  name: 'innovations.consent',
  input: () => ({
    params: record(),
    body: z.strictObject({
      decision: z.enum(['accept', 'decline']),
      rev: z
        .optional(z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)))
        .check(
          z.describe(
            'The draft’s `rev` as you read it: an acceptance is refused if its inventors or shares changed since',
          ),
        ),
    }),
  }),
  run: ({ services, identity, params, body }) =>
    decideConsent(services, identity, params.innovationId, body.decision, body.rev),
});

export const startCorrectionCommand = command({
  name: 'innovations.start-correction',
  input: () => ({ params: record() }),
  run: ({ services, identity, params }) => startCorrection(services, identity, params.innovationId),
});

export const publishCommand = command({
  name: 'innovations.publish',
  input: () => ({ params: record() }),
  run: ({ services, identity, params }) => publishInnovation(services, identity, params.innovationId),
  counts: 'publications',
});

export const adoptCommand = command({
  name: 'innovations.adopt',
  input: () => ({ params: adoption(), body: z.omit(adoptionInputSchema(), { syndicateId: true }) }),
  run: ({ services, identity, params, body }) =>
    adoptInnovation(services, identity, params.innovationId, { ...body, syndicateId: params.syndicateId }),
});

export const reportValueCommand = command({
  name: 'innovations.report-value',
  input: () => ({ params: adoption(), body: valueReportInputSchema() }),
  run: ({ services, identity, params, body }) =>
    reportValue(services, identity, params.innovationId, params.syndicateId, body),
});

export const decideReportCommand = command({
  name: 'innovations.decide-report',
  input: () => ({
    params: report(),
    body: z.union([
      z.strictObject({ decision: z.literal('confirm') }),
      z.strictObject({ decision: z.literal('dispute'), reason: disputeReasonSchema() }),
    ]),
  }),
  run: ({ services, identity, params, body }) =>
    decideReport(services, identity, params.innovationId, params.reportId, body),
  // The confirmation that completes a report settles it at once.
  counts: ({ output }) => settlementCounts(output),
});

/**
 * A settlement made by this write, and a payment for each inventor it paid. Settling a settled report
 * answers with it again and moves nothing; a share that rounds to nothing moves nothing and is no payment.
 */
function settlementCounts(output: { report: ValueReport; settledNow?: boolean }): BusinessCount[] | undefined {
  if (!output.settledNow) return undefined;
  const paid = (output.report.settlement?.inventorParts ?? []).filter((part) => part.amount > 0n);
  return ['settlements', ...paid.map(() => 'payments' as const)];
}

export const settleCommand = command({
  name: 'innovations.settle',
  input: () => ({ params: report() }),
  run: ({ services, identity, params }) => settleReport(services, identity, params.innovationId, params.reportId),
  counts: ({ output }) => settlementCounts(output),
});
