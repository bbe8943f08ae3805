// Read models: a record with everything its page shows, and an inventor's own records and the
// value reports waiting for their decision, each read a bounded page at a time.
import type { Identity } from '../identity.ts';
import { disputeDeadline, effectiveReportStatus, type ValueReport } from './adoption.ts';
import { consentRequests } from './consent-use-cases.ts';
import type { InnovationDependencies } from './dependencies.ts';
import { defaultPageSize, type Page, type PageRequest } from '../paging.ts';
import { viewInnovation } from './innovation-use-cases.ts';

export function reportView(report: ValueReport, now: Date, windowDays: number) {
  return {
    ...report,
    effectiveStatus: effectiveReportStatus(report, now, windowDays),
    disputeDeadline: disputeDeadline(report, windowDays).toISOString(),
  };
}
export type ReportView = ReturnType<typeof reportView>;

/**
 * A record, its versions (at most maxVersions: innovation.ts), and the first page of its adopters (by
 * syndicate) and of its value reports (newest first); drafts only for their inventors.
 */
export async function recordView(
  deps: InnovationDependencies,
  innovationId: string,
  viewer: Identity | null,
  pages: { adoptions?: PageRequest; reports?: PageRequest } = {},
) {
  const view = await viewInnovation(deps, innovationId, viewer);
  const empty: Page<never> = { items: [] };
  const first = { limit: defaultPageSize };
  const [adoptions, reports] =
    view.record.status === 'published'
      ? await Promise.all([
          deps.innovations.adoptionsPage(innovationId, pages.adoptions ?? first),
          reportsOf(deps, innovationId, pages.reports ?? first),
        ])
      : [empty, empty];
  return { ...view, adoptions, reports };
}

/** A page of a record's value reports, newest first, as people see them (their effective status). */
export async function reportsOf(deps: InnovationDependencies, innovationId: string, request: PageRequest) {
  const page = await deps.innovations.reportsPage(innovationId, request);
  const now = deps.now();
  const windowDays = deps.config.ROYALTY_DISPUTE_WINDOW_DAYS;
  return { ...page, items: page.items.map((report) => reportView(report, now, windowDays)) };
}

/** How many of a record's newest reports are looked at for the caller's decision. */
const awaitingLookback = 20;

/**
 * A page of the caller's records (drafts included), newest first; among them, the drafts waiting for
 * them to accept (invitations: a record they are only invited to is not yet theirs), and the reports
 * awaiting their decision or settling (among each record's newest 20). Everything is read for the
 * records of this page only, in batch reads.
 */
export async function myInnovations(deps: InnovationDependencies, identity: Identity, request: PageRequest) {
  const ids = await deps.innovations.inventorPage(identity.personId, request);
  const found = await deps.innovations.getMany(ids.items);
  const linked = ids.items.flatMap((id) => {
    const record = found.get(id);
    return record ? [record] : [];
  });
  const invitations = await consentRequests(deps, identity, linked);
  const onlyInvited = new Set(invitations.filter((i) => i.role === 'invited').map((i) => i.record.id));
  const records = linked.filter((record) => !onlyInvited.has(record.id));
  const published = records.filter((record) => record.status === 'published');
  const recent = (
    await Promise.all(
      published.map(async (record) => {
        const page = await reportsOf(deps, record.id, { limit: awaitingLookback });
        return page.items
          .filter(
            (report) =>
              (report.effectiveStatus === 'pending' &&
                !report.confirmations.some((c) => c.personId === identity.personId)) ||
              report.effectiveStatus === 'confirmed',
          )
          .map((report) => ({ record, report }));
      }),
    )
  ).flat();
  const adoptions = await deps.innovations.getAdoptions(
    recent.map(({ record, report }) => ({ innovationId: record.id, syndicateId: report.syndicateId })),
  );
  const mine = new Set(
    adoptions
      .filter((a) => a.inventors.some((i) => i.personId === identity.personId))
      .map((a) => `${a.innovationId}/${a.syndicateId}`),
  );
  const awaiting = recent.filter(({ record, report }) => mine.has(`${record.id}/${report.syndicateId}`));
  return { ...ids, items: records, invitations, awaiting };
}
