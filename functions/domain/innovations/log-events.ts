// What the registry log records, and the exact bytes it records: every publish, adoption, value report,
// settlement, credit-limit change and payment becomes one entry of canonical JSON (keys sorted, no spaces,
// amounts as strings of digits), so the same event always hashes the same and anyone can re-read it.
import { createHash } from 'node:crypto';
import type { InnovationVersion, PersonShare } from './innovation.ts';

export type LogEvent =
  | {
      kind: 'publish';
      at: string;
      innovationId: string;
      version: number;
      replaces: number | null;
      contentHash: string;
      inventors: PersonShare[];
      /**
       * Everyone who accepted these inventors and shares: the inventors, and for a correction that
       * changes them, the replaced version's too. Entries logged before consent was asked lack it.
       */
      consentedBy?: string[];
    }
  | {
      kind: 'adoption';
      at: string;
      innovationId: string;
      syndicateId: string;
      version: number;
      inventors: PersonShare[];
      implementers: PersonShare[];
    }
  | {
      kind: 'value-report';
      at: string;
      innovationId: string;
      syndicateId: string;
      reportId: string;
      amount: string;
      periodFrom: string;
      periodTo: string;
    }
  | {
      kind: 'settlement';
      at: string;
      innovationId: string;
      syndicateId: string;
      reportId: string;
      value: string;
      transfers: Array<{ from: string; to: string; amount: string }>;
      implementersKeep: string;
      /** What confirmed it: the inventors who confirmed, an admin's endorsement, or its window lapsing. */
      basis?: { confirmedBy: string[]; endorsedBy: string | null; lapsed: boolean };
    }
  | {
      kind: 'credit-limit';
      at: string;
      accountId: string;
      limit: string | null;
      previous: string | null;
      by: string;
      /** Why it was granted (entries before reasons were logged have none). */
      reason?: string;
    }
  | {
      kind: 'payment';
      at: string;
      paymentId: string;
      from: string;
      to: string;
      amount: string;
      /** Who made it: the payer, or the admin who paid from a syndicate's account. */
      by: string;
      /** The payment request it paid, or null for a direct payment. */
      requestId: string | null;
      /** The work log whose approved hours it paid; absent otherwise (entries logged before pay for work lack it). */
      workLogId?: string;
      /** The order it paid; absent for any other payment (entries before orders never carry it). */
      orderId?: string;
      /** memoDigest(paymentId, memo): the log commits to the memo without publishing it. */
      memoDigest: string;
    }
  | {
      kind: 'proposal-opened';
      at: string;
      proposalId: string;
      scope: string;
      proposalKind: string;
      by: string;
      closesAt: string;
      /** The members who may vote, counted as it opened. */
      eligible: number;
      threshold: { num: number; den: number };
      /** SHA-256 of the title, description and change in canonical JSON: what is proposed, fixed. */
      contentHash: string;
      /** A restorative circle's roll by name: the record's inventors and the panel drawn (with the syndicate's members). */
      circle?: { inventors: string[]; panel: string[] };
    }
  | {
      kind: 'proposal-closed';
      at: string;
      proposalId: string;
      scope: string;
      proposalKind: string;
      by: string;
      outcome: string;
      tally: { yes: number; no: number; abstain: number };
      eligible: number;
      /** What its passing changed, as enacted in the same transaction; null when nothing did. */
      enacted: Record<string, unknown> | null;
      /** Why a passed change was not made (its member had left, say); absent otherwise. */
      notEnacted?: string;
      /** The record a proposal on one is about (an adoption): the record's own log lists the closing. */
      innovationId?: string;
    };

export type LogEventKind = LogEvent['kind'];

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** JSON with object keys in code-unit order at every depth and no whitespace: one text per value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value as Json));
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const item = value[key];
      // Stryker disable next-line ConditionalExpression: JSON.stringify leaves out an undefined value by itself (this also hides "never copy a key", which the canonical-JSON tests kill)
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}

export function eventBytes(event: LogEvent): Uint8Array {
  return new TextEncoder().encode(canonicalJson(event));
}

/** The event an entry's stored text claims to be; null if it is not one (a tampered entry, say). */
export function parseEvent(text: string): LogEvent | null {
  try {
    const value = JSON.parse(text) as { kind?: unknown };
    return typeof value === 'object' && value !== null && typeof value.kind === 'string' ? (value as LogEvent) : null;
  } catch {
    return null;
  }
}

/** The innovation an event is about, if any; the log lists a record's entries by it. */
export function subjectOf(event: LogEvent): string | undefined {
  return 'innovationId' in event ? event.innovationId : undefined;
}

/**
 * SHA-256 of a version's public content in canonical JSON, standard base64. The publish entry carries
 * it, so a version changed after publishing no longer matches the log.
 */
export function contentHash(version: InnovationVersion): string {
  const content = {
    innovationId: version.innovationId,
    version: version.version,
    replaces: version.replaces ?? null,
    title: version.title,
    problem: version.problem,
    improvement: version.improvement,
    practice: version.practice ?? null,
    skills: version.skills,
    effect: version.effect,
    evidence: version.evidence,
    inventors: version.inventors,
    license: version.license,
  };
  return createHash('sha256').update(canonicalJson(content)).digest('base64');
}

export const eventLabel: Record<LogEventKind, string> = {
  publish: 'Published',
  adoption: 'Adopted',
  'value-report': 'Value reported',
  settlement: 'Settled',
  'credit-limit': 'Credit limit changed',
  payment: 'Paid',
  'proposal-opened': 'Proposal opened',
  'proposal-closed': 'Proposal closed',
};

/**
 * SHA-256 of a payment's id and memo in canonical JSON, standard base64. The log is public and a memo
 * between two people is theirs: the entry carries this digest, so either party can show the memo it
 * recorded without the log publishing it.
 */
export function memoDigest(paymentId: string, memo: string): string {
  return createHash('sha256').update(canonicalJson({ memo, paymentId })).digest('base64');
}
