// Read models: a record with everything its page shows, and an inventor's own records and the
// value reports waiting for their decision.
import type { Identity } from '../identity.ts';
import { disputeDeadline, effectiveReportStatus, type ValueReport } from './adoption.ts';
import { consentRequests } from './consent-use-cases.ts';
import type { InnovationDependencies } from './dependencies.ts';
import { viewInnovation } from './innovation-use-cases.ts';

export function reportView(report: ValueReport, now: Date, windowDays: number) {
  return {
    ...report,
    effectiveStatus: effectiveReportStatus(report, now, windowDays),
    disputeDeadline: disputeDeadline(report, windowDays).toISOString(),
  };
}
export type ReportView = ReturnType<typeof reportView>;

/** A record, its versions, adopters and reports (newest first); drafts only for their inventors. */
export async function recordView(deps: InnovationDependencies, innovationId: string, viewer: Identity | null) {
  const view = await viewInnovation(deps, innovationId, viewer);
  const [adoptions, reports] =
    view.record.status === 'published'
      ? await Promise.all([deps.innovations.listAdoptions(innovationId), deps.innovations.listReports(innovationId)])
      : [[], []];
  const now = deps.now();
  const windowDays = deps.config.ROYALTY_DISPUTE_WINDOW_DAYS;
  return {
    ...view,
    adoptions,
    reports: reports
      .map((report) => reportView(report, now, windowDays))
      .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt)),
  };
}

/**
 * The caller's records (drafts included), the drafts waiting for them to accept (invitations among
 * them: a record they are only invited to is not yet theirs), and the reports on them still awaiting
 * their decision or settling.
 */
export async function myInnovations(deps: InnovationDependencies, identity: Identity) {
  const linked = await deps.innovations.listByInventor(identity.personId);
  const invitations = await consentRequests(deps, identity, linked);
  const onlyInvited = new Set(invitations.filter((i) => i.role === 'invited').map((i) => i.record.id));
  const records = linked.filter((record) => !onlyInvited.has(record.id));
  const now = deps.now();
  const windowDays = deps.config.ROYALTY_DISPUTE_WINDOW_DAYS;
  const awaiting = (
    await Promise.all(
      records
        .filter((record) => record.status === 'published')
        .map(async (record) => {
          const [reports, adoptions] = await Promise.all([
            deps.innovations.listReports(record.id),
            deps.innovations.listAdoptions(record.id),
          ]);
          const mine = new Set(
            adoptions
              .filter((a) => a.inventors.some((i) => i.personId === identity.personId))
              .map((a) => a.syndicateId),
          );
          return reports
            .filter((report) => mine.has(report.syndicateId))
            .map((report) => ({ record, report: reportView(report, now, windowDays) }))
            .filter(
              ({ report }) =>
                (report.effectiveStatus === 'pending' &&
                  !report.confirmations.some((c) => c.personId === identity.personId)) ||
                report.effectiveStatus === 'confirmed',
            );
        }),
    )
  ).flat();
  return { records, invitations, awaiting };
}
