// Adoptions and the value they create. A syndicate that implements a record names the implementers
// and their shares; it then reports the value realised over a period, in Bound minor units. The
// record's inventors confirm or dispute a report within a window; a report nobody disputes in time
// counts as confirmed, by itself, without anyone writing to it (like an opening's expiry).
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { wholeAmount } from '../plain-words.ts';
import { slugSchema } from '../syndicates/syndicate.ts';
import { text } from '../text.ts';
import { holdersInputSchema, type PersonShare } from './innovation.ts';
import type { ReportDecisions } from './separation-of-duties.ts';

export const adoptionInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    syndicateId: slugSchema(),
    implementers: holdersInputSchema(),
    note: z._default(text(0, 2000, { multiline: true, label: 'note' }), ''),
  }),
);
export type AdoptionInput = z.infer<ReturnType<typeof adoptionInputSchema>>;

export interface Adoption {
  innovationId: string;
  syndicateId: string;
  /** The published version the syndicate adopted; its inventors are the ones paid. */
  version: number;
  inventors: PersonShare[];
  implementers: PersonShare[];
  note: string;
  adoptedAt: string;
  adoptedBy: string;
  /** The periods reported so far (each once, whatever became of its report). */
  reported: ReportedPeriod[];
  /** Optimistic concurrency: a report is written only over the adoption it checked. */
  rev: number;
}

export interface ReportedPeriod {
  reportId: string;
  from: string;
  to: string;
}

/** The earlier report whose period the new one overlaps, if any: value is reported once per period. */
export function overlappingPeriod(
  reported: readonly ReportedPeriod[],
  period: { periodFrom: string; periodTo: string },
): ReportedPeriod | undefined {
  return reported.find((earlier) => earlier.from <= period.periodTo && period.periodFrom <= earlier.to);
}

/** Largest single report: a trillion Bound in minor units, far below where a JSON number loses digits. */
export const maxReportAmount = 100_000_000_000_000n;

/** Whole minor units, sent as a JSON integer or as a string of digits (the form the API answers in). */
export const minorUnitsSchema = /* @__PURE__ */ lazySchema(() =>
  z.pipe(
    z.union([
      z.number({ error: wholeAmount }).check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
      z.string().check(z.regex(/^[1-9]\d{0,19}$/, wholeAmount)),
    ]),
    z.transform((value) => BigInt(value)),
  ),
);

export const valueReportInputSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    amount: minorUnitsSchema(),
    periodFrom: z.iso.date(),
    periodTo: z.iso.date(),
    method: text(10, 2000, { multiline: true, label: 'method' }),
  }),
);
export type ValueReportInput = z.infer<ReturnType<typeof valueReportInputSchema>>;

/** Why an inventor disputes a report, from the API and from the record's page alike. */
export const disputeReasonSchema = /* @__PURE__ */ lazySchema(() =>
  text(10, 2000, { multiline: true, label: 'reason' }),
);

export type StoredReportStatus = 'pending' | 'confirmed' | 'disputed' | 'settled';
/** What a person sees: a pending report past its window is confirmed. */
export type ReportStatus = StoredReportStatus;

export interface Settlement {
  settledAt: string;
  value: bigint;
  /** floor(V/2), moved from the syndicate to the inventors. */
  inventorsTotal: bigint;
  /** ceil(V/2), kept by the syndicate for its implementers. */
  implementersTotal: bigint;
  inventorParts: Array<{ personId: string; amount: bigint }>;
  implementerParts: Array<{ personId: string; amount: bigint }>;
  logIndex: number;
}

export interface ValueReport extends Omit<ValueReportInput, 'amount'>, ReportDecisions {
  id: string;
  innovationId: string;
  syndicateId: string;
  amount: bigint;
  status: StoredReportStatus;
  reportedAt: string;
  reportedBy: string;
  decidedAt?: string | undefined;
  decidedBy?: string | undefined;
  disputeReason?: string | undefined;
  /** The restorative circle (a proposal's id) that settled it, when its parties could not agree. */
  resolvedBy?: string | undefined;
  settlement?: Settlement | undefined;
  logIndex: number;
  /** Optimistic concurrency: each decision is written over the revision it read. */
  rev: number;
}

const day = 86_400_000;

/** The moment after which an undisputed report counts as confirmed. */
export function disputeDeadline(report: Pick<ValueReport, 'reportedAt'>, windowDays: number): Date {
  return new Date(new Date(report.reportedAt).getTime() + windowDays * day);
}

/**
 * Whether the report's window has closed with nobody disputing it, so that it counts as confirmed.
 * (Settling it also needs someone who stands on one side only to be able to decide it then: see
 * separation-of-duties.ts; settle-report.ts checks it.)
 */
export function hasLapsed(report: Pick<ValueReport, 'status' | 'reportedAt'>, now: Date, windowDays: number) {
  return report.status === 'pending' && now >= disputeDeadline(report, windowDays);
}

export function effectiveReportStatus(
  report: Pick<ValueReport, 'status' | 'reportedAt'>,
  now: Date,
  windowDays: number,
): ReportStatus {
  return hasLapsed(report, now, windowDays) ? 'confirmed' : report.status;
}

/** Confirmed (by the decisions or by the window passing) and not yet settled: the only settleable state. */
export function isSettleable(report: Pick<ValueReport, 'status' | 'reportedAt'>, now: Date, windowDays: number) {
  return effectiveReportStatus(report, now, windowDays) === 'confirmed';
}

/** The latest `reportedAt` a pending report may have and count as confirmed at `now`. */
export function lapseCutoff(now: Date, windowDays: number): string {
  return new Date(now.getTime() - windowDays * day).toISOString();
}

export const reportStatusLabel: Record<ReportStatus, string> = {
  pending: 'Awaiting decisions',
  confirmed: 'Confirmed, not yet settled',
  disputed: 'Disputed',
  settled: 'Settled',
};
