// What syndicates and inventors do once a record is adopted (adopt-innovation.ts): report the value it
// created, confirm or dispute that value, and settle it on the Bound ledger.
import { reportWords } from '../i18n/records/report-refusals.ts';
import { ForbiddenError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { CreditLimitError } from '../ledger/transfer.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import { partiesNow } from './report-parties.ts';
import {
  type Adoption,
  effectiveReportStatus,
  lapseCutoff,
  maxReportAmount,
  overlappingPeriod,
  type ValueReport,
  type ValueReportInput,
} from './adoption.ts';
import { appendFor, type InnovationDependencies } from './dependencies.ts';
import { retryOnConflict } from '../retry.ts';
import { awaiting, deciderRole, isConfirmedByDecisions } from './separation-of-duties.ts';
import { settleReport } from './settle-report.ts';

const windowDays = (deps: InnovationDependencies) => deps.config.ROYALTY_DISPUTE_WINDOW_DAYS;

/** A published record; drafts answer as missing to everyone here. */
export async function publishedRecord(deps: Pick<InnovationDependencies, 'innovations'>, innovationId: string) {
  const record = await deps.innovations.get(innovationId);
  if (record?.status !== 'published') throw new NotFoundError('innovation', innovationId);
  return record;
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

/**
 * Steps: check the caller is an admin of the adopter and the input's own rules; find who would stand
 * on both sides of the report (refusing one that nobody unconflicted could ever decide); then, over
 * the adoption as it stands, refuse a period reported before and write the report, the adoption's
 * list of periods and the log entry in one transaction (a lost race re-reads and re-checks).
 */
export async function reportValue(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  syndicateId: string,
  input: ValueReportInput,
) {
  const adopted = await adminAdoption(deps, identity, innovationId, syndicateId);
  const today = deps.now().toISOString().slice(0, 10);
  // Rules a schema cannot say, answered 422: the period's order, the largest amount, no future.
  if (input.periodFrom > input.periodTo) {
    throw new ValidationError([{ field: 'body.periodTo', ...reportWords({ key: 'period-order', values: {} }) }]);
  }
  if (input.amount > maxReportAmount) {
    throw new ValidationError([
      { field: 'body.amount', ...reportWords({ key: 'amount-most', values: { most: maxReportAmount } }) },
    ]);
  }
  if (input.periodTo > today) {
    throw new ValidationError([{ field: 'body.periodTo', ...reportWords({ key: 'period-future', values: {} }) }]);
  }
  const { syndicate, ...parties } = await partiesNow(deps, adopted, identity.personId);
  if (!parties.decidable) {
    const { message, wordsIn } = reportWords({ key: 'self-report', values: { syndicate: syndicate.name } });
    throw new RuleViolationError('conflict-of-interest', message, { wordsIn });
  }
  const id = deps.newId();
  return retryOnConflict(async () => {
    const adoption = await deps.innovations.getAdoption(innovationId, syndicateId);
    if (!adoption) throw new NotFoundError('adoption', `${innovationId}/${syndicateId}`);
    const earlier = overlappingPeriod(adoption.reported, input);
    if (earlier) {
      throw new ValidationError([
        {
          field: 'body.periodFrom',
          ...reportWords({ key: 'overlaps', values: { from: earlier.from, to: earlier.to } }),
        },
      ]);
    }
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
      conflicted: parties.conflicted,
      confirmations: [],
      logIndex: log.entry.index,
      rev: 0,
    };
    const withPeriod: Adoption = {
      ...adoption,
      reported: [...adoption.reported, { reportId: id, from: input.periodFrom, to: input.periodTo }],
      rev: adoption.rev + 1,
    };
    await deps.innovations.createReport(report, withPeriod, adoption.rev, log);
    return { report, logIndex: log.entry.index };
  });
}

export type Decision = { decision: 'confirm' } | { decision: 'dispute'; reason: string };

/**
 * An inventor confirms (their shares count) or disputes; an admin of the syndicate who is neither
 * inventor nor reporter may confirm from the syndicate's side (an endorsement) or dispute. A report
 * becomes confirmed when the decisions confirm it (see separation-of-duties.ts) and is then settled at
 * once; if the ledger refuses (credit limit), the confirmation stands and `settlementRefused` says why.
 * `awaiting` says what a report still pending waits for.
 */
export async function decideReport(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  reportId: string,
  decision: Decision,
) {
  const found = await deps.innovations.getReport(innovationId, reportId);
  const adoption = found ? await deps.innovations.getAdoption(innovationId, found.syndicateId) : null;
  if (!found || !adoption) throw new NotFoundError('value report', reportId);
  const adminNow = await isAdmin(deps, found.syndicateId, identity.personId);
  const role = deciderRole(identity.personId, found, adoption.inventors, adminNow);
  if (role === null) throw new NotFoundError('value report', reportId);
  if (role === 'reporter') {
    const { message, wordsIn } = reportWords({ key: 'reporter', values: {} });
    throw new ForbiddenError(message, { wordsIn });
  }
  const syndicateName = (await deps.syndicates.get(found.syndicateId))?.name ?? found.syndicateId;

  const decided = await retryOnConflict(async () => {
    const report = await deps.innovations.getReport(innovationId, reportId);
    if (!report) throw new NotFoundError('value report', reportId);
    const now = deps.now();
    const status = effectiveReportStatus(report, now, windowDays(deps));
    if (decision.decision === 'dispute') {
      if (status !== 'pending') {
        const { message, wordsIn } = reportWords({ key: 'already-decided', values: { status } });
        throw new RuleViolationError('report-decided', message, { wordsIn });
      }
      const disputed: ValueReport = {
        ...report,
        status: 'disputed',
        disputeReason: decision.reason,
        decidedAt: now.toISOString(),
        decidedBy: identity.personId,
        rev: report.rev + 1,
      };
      // Only while the window is open as the write lands: a dispute cannot overtake a lapse settling.
      await deps.innovations.decideReport(disputed, report.rev, lapseCutoff(now, windowDays(deps)));
      return disputed;
    }
    if (status === 'disputed') {
      const { message, wordsIn } = reportWords({ key: 'was-disputed', values: {} });
      throw new RuleViolationError('report-decided', message, { wordsIn });
    }
    if (status !== 'pending') return report;
    const at = now.toISOString();
    const mine = { personId: identity.personId, at };
    const next: ValueReport =
      role === 'inventor'
        ? report.confirmations.some((c) => c.personId === identity.personId)
          ? report
          : {
              ...report,
              confirmations: [...report.confirmations, mine],
              // An inventor who has become an admin since the report was made stands on both sides now.
              conflicted:
                adminNow && !report.conflicted.includes(identity.personId)
                  ? [...report.conflicted, identity.personId]
                  : report.conflicted,
            }
        : report.endorsement
          ? report
          : { ...report, endorsement: mine };
    if (next === report) return report;
    const confirmed = isConfirmedByDecisions(next, adoption.inventors);
    const written: ValueReport = {
      ...next,
      ...(confirmed ? { status: 'confirmed', decidedAt: at, decidedBy: identity.personId } : {}),
      rev: report.rev + 1,
    };
    await deps.innovations.decideReport(written, report.rev);
    return written;
  });

  const pending = effectiveReportStatus(decided, deps.now(), windowDays(deps)) === 'pending';
  if (decision.decision === 'dispute' || decided.status === 'disputed' || pending) {
    return { report: decided, awaiting: pending ? awaiting(decided, adoption.inventors, syndicateName) : [] };
  }
  try {
    // `settledNow` tells a settlement this decision made from one made before (counted once, by the command).
    const settled = await settleReport(deps, identity, innovationId, reportId);
    return { report: settled.report, awaiting: [], settledNow: settled.settledNow };
  } catch (error) {
    if (!(error instanceof CreditLimitError)) throw error;
    const confirmed = await deps.innovations.getReport(innovationId, reportId);
    return { report: confirmed ?? decided, settlementRefused: error.message, awaiting: [] };
  }
}
