// What syndicates and inventors do once a record is public: adopt it, report the value it created,
// confirm or dispute that value, and settle it on the Bound ledger.
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { CreditLimitError } from '../ledger/transfer.ts';
import { findSyndicate, isAdmin, requireAdmin } from '../syndicates/syndicate-use-cases.ts';
import {
  type Adoption,
  type AdoptionInput,
  effectiveReportStatus,
  lapseCutoff,
  maxReportAmount,
  type ValueReport,
  type ValueReportInput,
} from './adoption.ts';
import { appendFor, type InnovationDependencies, retryOnConflict } from './dependencies.ts';
import { resolveShares } from './innovation.ts';
import { reportFor, settleReport } from './settle-report.ts';

const windowDays = (deps: InnovationDependencies) => deps.config.ROYALTY_DISPUTE_WINDOW_DAYS;

/** A published record; drafts answer as missing to everyone here. */
async function publishedRecord(deps: InnovationDependencies, innovationId: string) {
  const record = await deps.innovations.get(innovationId);
  if (record?.status !== 'published') throw new NotFoundError('innovation', innovationId);
  return record;
}

/** Records, once per syndicate, that it implements the record; a repeat returns the first adoption. */
export async function adoptInnovation(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  input: AdoptionInput,
) {
  await publishedRecord(deps, innovationId);
  await findSyndicate(deps, input.syndicateId);
  await requireAdmin(deps, input.syndicateId, identity);
  const implementers = resolveShares(input.implementers, 'body.implementers');
  const memberships = await Promise.all(
    implementers.map((i) => deps.syndicates.getMembership(input.syndicateId, i.personId)),
  );
  const issues = memberships.flatMap((membership, index) =>
    membership?.status === 'active'
      ? []
      : [{ field: `body.implementers.${index}.personId`, message: 'is not an active member of the syndicate' }],
  );
  if (issues.length > 0) throw new ValidationError(issues);

  return retryOnConflict(async () => {
    const existing = await deps.innovations.getAdoption(innovationId, input.syndicateId);
    if (existing) return { adoption: existing, created: false };
    const record = await publishedRecord(deps, innovationId);
    const version = await deps.innovations.getVersion(innovationId, record.currentVersion);
    if (!version) throw new NotFoundError('innovation', innovationId);
    const at = deps.now().toISOString();
    const adoption: Adoption = {
      innovationId,
      syndicateId: input.syndicateId,
      version: version.version,
      inventors: version.inventors,
      implementers,
      note: input.note,
      adoptedAt: at,
      adoptedBy: identity.personId,
    };
    const { note: _note, adoptedBy: _by, adoptedAt: _when, ...logged } = adoption;
    const log = await appendFor(deps, { kind: 'adoption', at, ...logged });
    await deps.innovations.adopt(adoption, log);
    return { adoption, created: true, logIndex: log.entry.index };
  });
}

/** Only the adopting syndicate's admins report; anyone else is told there is no such adoption. */
async function adminAdoption(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  syndicateId: string,
) {
  const adoption = await deps.innovations.getAdoption(innovationId, syndicateId);
  if (!adoption || !(await isAdmin(deps, syndicateId, identity.personId))) {
    throw new NotFoundError('adoption', `${innovationId}/${syndicateId}`);
  }
  return adoption;
}

export async function reportValue(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  syndicateId: string,
  input: ValueReportInput,
) {
  await adminAdoption(deps, identity, innovationId, syndicateId);
  const today = deps.now().toISOString().slice(0, 10);
  // Rules a schema cannot say, answered 422: the period's order, the largest amount, no future.
  if (input.periodFrom > input.periodTo) {
    throw new ValidationError([{ field: 'body.periodTo', message: 'must be on or after the start of the period' }]);
  }
  if (input.amount > maxReportAmount) {
    throw new ValidationError([{ field: 'body.amount', message: `must be at most ${maxReportAmount} minor units` }]);
  }
  if (input.periodTo > today) {
    throw new ValidationError([
      { field: 'body.periodTo', message: 'must not be in the future: report value realised' },
    ]);
  }
  const id = deps.newId();
  return retryOnConflict(async () => {
    const at = deps.now().toISOString();
    const log = await appendFor(deps, {
      kind: 'value-report',
      at,
      innovationId,
      syndicateId,
      reportId: id,
      amount: input.amount.toString(),
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
    });
    const report: ValueReport = {
      ...input,
      id,
      innovationId,
      syndicateId,
      status: 'pending',
      reportedAt: at,
      reportedBy: identity.personId,
      logIndex: log.entry.index,
    };
    await deps.innovations.createReport(report, log);
    return { report, logIndex: log.entry.index };
  });
}

export type Decision = { decision: 'confirm' } | { decision: 'dispute'; reason: string };

/**
 * An inventor confirms or disputes, while the window is open. A confirmation is then settled at once;
 * if the ledger refuses (credit limit), the confirmation stands and `settlementRefused` says why.
 */
export async function decideReport(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  reportId: string,
  decision: Decision,
) {
  const { report } = await reportFor(deps, identity, innovationId, reportId, 'inventor');
  const status = effectiveReportStatus(report, deps.now(), windowDays(deps));
  if (decision.decision === 'dispute') {
    if (status !== 'pending') {
      throw new RuleViolationError('report-decided', `This report is already ${status}; it can no longer be disputed.`);
    }
    const disputed: ValueReport = {
      ...report,
      status: 'disputed',
      disputeReason: decision.reason,
      decidedAt: deps.now().toISOString(),
      decidedBy: identity.personId,
    };
    try {
      // Only while the window is open as the write lands: a dispute cannot overtake a lapse settling.
      await deps.innovations.decideReport(disputed, lapseCutoff(deps.now(), windowDays(deps)));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      throw new RuleViolationError('report-decided', 'This report was decided, or its window closed, meanwhile.');
    }
    return { report: disputed };
  }
  if (status === 'disputed') throw new RuleViolationError('report-decided', 'This report was disputed.');
  if (status === 'pending') {
    const confirmed: ValueReport = {
      ...report,
      status: 'confirmed',
      decidedAt: deps.now().toISOString(),
      decidedBy: identity.personId,
    };
    try {
      await deps.innovations.decideReport(confirmed);
    } catch (error) {
      // A co-inventor confirming at the same moment is the same decision; a dispute is not.
      if (!(error instanceof ConflictError)) throw error;
      const now = await deps.innovations.getReport(innovationId, reportId);
      if (now?.status === 'disputed') throw new RuleViolationError('report-decided', 'This report was disputed.');
    }
  }
  try {
    return { report: (await settleReport(deps, identity, innovationId, reportId)).report };
  } catch (error) {
    if (!(error instanceof CreditLimitError)) throw error;
    const confirmed = await deps.innovations.getReport(innovationId, reportId);
    return { report: confirmed ?? report, settlementRefused: error.message };
  }
}
