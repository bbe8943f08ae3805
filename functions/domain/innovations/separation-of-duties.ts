// Who may decide a value report. Value moves from the adopting syndicate to the record's inventors, so
// the two are sides of one deal, and nobody who stands on both may decide it alone:
// - A person is **conflicted** on a report when they are an inventor of the adopted version and also
//   stand on the syndicate's side: an admin of the syndicate, or the report's reporter.
// - A report is **confirmed** when inventors holding more than half of the shares have confirmed it
//   and at least one decision came from someone who is not conflicted: the reporter, an inventor, or an
//   admin of the syndicate who is neither inventor nor reporter (an endorsement).
// - A report that nobody unconflicted could decide is refused when it is made, and one nobody disputed
//   within its window is settled as confirmed only if someone unconflicted could still decide it then:
//   a report whose only possible deciders are conflicted never lapses into confirmed.
// Who is conflicted is recorded with the report and only grows: an inventor who has since become an
// admin is conflicted when they decide.
import { WHOLE } from '../ledger/shares.ts';
import type { PersonShare } from './innovation.ts';

export interface Decision {
  personId: string;
  at: string;
}

/** What a report records about its parties and the decisions made on it so far. */
export interface ReportDecisions {
  reportedBy: string;
  /** Inventors who also stand on the syndicate's side: when the report was made, or when they decided. */
  conflicted: string[];
  /** Inventors who confirmed, once each. */
  confirmations: Decision[];
  /** An admin of the syndicate, neither inventor nor reporter, who confirmed it from the syndicate's side. */
  endorsement?: Decision | undefined;
}

export interface PartiesInput {
  /** Inventors already known to be conflicted (recorded on the report). */
  conflicted?: readonly string[];
  inventors: readonly PersonShare[];
  reporterId: string;
  /** Inventors who are active admins of the adopting syndicate. */
  adminInventors: ReadonlySet<string>;
  /** How many active admins the syndicate has (its server-owned count). */
  adminCount: number;
}

/** The parties of a report about to be made: who is conflicted, and whether it may lapse into confirmed. */
export function reportParties({
  inventors,
  reporterId,
  adminInventors,
  adminCount,
  // Stryker disable next-line ArrayDeclaration: a default filled with Stryker's text differs only for an inventor with that id
  conflicted: known = [],
}: PartiesInput) {
  const conflicted = inventors
    .map((inventor) => inventor.personId)
    .filter((personId) => adminInventors.has(personId) || personId === reporterId || known.includes(personId));
  const reporterConflicted = conflicted.includes(reporterId);
  const unconflictedInventor = inventors.some((inventor) => !conflicted.includes(inventor.personId));
  // The reporter is an admin; when conflicted, they are among the admin inventors already.
  const unconflictedAdmin = adminCount - adminInventors.size - (reporterConflicted ? 0 : 1) > 0;
  return {
    conflicted,
    reporterConflicted,
    /** Someone who stands on one side only can decide it: it may be made, and it may lapse into confirmed. */
    decidable: !reporterConflicted || unconflictedInventor || unconflictedAdmin,
  };
}

/** Shares (basis points) of the inventors who have confirmed. */
export function confirmedShares(report: Pick<ReportDecisions, 'confirmations'>, inventors: readonly PersonShare[]) {
  const confirmed = new Set(report.confirmations.map((decision) => decision.personId));
  return inventors.reduce((sum, inventor) => sum + (confirmed.has(inventor.personId) ? inventor.basisPoints : 0), 0);
}

/** Whether a decision by someone who stands on one side only is among those made. */
export function hasUnconflictedDecision(report: ReportDecisions): boolean {
  const conflicted = new Set(report.conflicted);
  return (
    !conflicted.has(report.reportedBy) ||
    report.endorsement !== undefined ||
    report.confirmations.some((decision) => !conflicted.has(decision.personId))
  );
}

/** Confirmed by the decisions made: more than half of the shares, and someone unconflicted among them. */
export function isConfirmedByDecisions(report: ReportDecisions, inventors: readonly PersonShare[]): boolean {
  return confirmedShares(report, inventors) * 2 > WHOLE && hasUnconflictedDecision(report);
}

/**
 * What a pending report still waits for: more confirmed shares (with the shares confirmed so far), a
 * decision by someone on one side only, or both; empty when the decisions confirm it. A page words each
 * need in its reader's language; `awaiting` words them in English for the API.
 */
export type ReportNeed = { kind: 'shares'; soFar: number } | { kind: 'unconflicted' };

export function awaitingNeeds(report: ReportDecisions, inventors: readonly PersonShare[]): ReportNeed[] {
  const needs: ReportNeed[] = [];
  const shares = confirmedShares(report, inventors);
  if (shares * 2 <= WHOLE) needs.push({ kind: 'shares', soFar: shares });
  if (!hasUnconflictedDecision(report)) needs.push({ kind: 'unconflicted' });
  return needs;
}

/** What a pending report still waits for, in words; empty when the decisions confirm it. */
export function awaiting(report: ReportDecisions, inventors: readonly PersonShare[], syndicateName: string): string[] {
  return awaitingNeeds(report, inventors).map((need) =>
    need.kind === 'shares'
      ? `confirmation by inventors holding more than half of the shares (${formatShare(need.soFar)} so far)`
      : `a decision by someone who does not stand on both sides: an inventor who is not an admin of ${syndicateName}, or an admin of ${syndicateName} who is not an inventor`,
  );
}

export type DeciderRole = 'inventor' | 'admin';

/**
 * How a person may decide a report: as an inventor (their shares count; conflicted or not), as an
 * admin of the syndicate who is neither inventor nor reporter (an endorsement), or not at all.
 */
export function deciderRole(
  personId: string,
  report: Pick<ReportDecisions, 'reportedBy'>,
  inventors: readonly PersonShare[],
  isAdminNow: boolean,
): DeciderRole | 'reporter' | null {
  if (inventors.some((inventor) => inventor.personId === personId)) return 'inventor';
  if (personId === report.reportedBy) return 'reporter';
  return isAdminNow ? 'admin' : null;
}

export function formatShare(basisPoints: number): string {
  return `${Number((basisPoints / 100).toFixed(2))}%`;
}
