// Settling a confirmed value report on the Bound ledger: half the value from the adopting syndicate
// to the inventors, by share, in one transaction that also appends the settlement to the registry log.
import { NotFoundError, RuleViolationError } from '../errors.ts';
import { reportWords } from '../i18n/records/report-refusals.ts';
import type { Identity } from '../identity.ts';
import { effectiveReportStatus, hasLapsed, isSettleable, lapseCutoff } from './adoption.ts';
import type { Adoption } from './adoption.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import type { InnovationDependencies } from './dependencies.ts';
import { retryOnConflict } from '../retry.ts';
import { partiesNow } from './report-parties.ts';
import { emptyHead, prepareAppend } from './log-head.ts';
import { planReportSettlement, settlementAccounts } from './settlement-plan.ts';

const windowDays = (deps: InnovationDependencies) => deps.config.ROYALTY_DISPUTE_WINDOW_DAYS;
const isInventor = (adoption: Adoption, personId: string) => adoption.inventors.some((i) => i.personId === personId);

/** A report and its adoption, for a caller who is one of its inventors or one of its syndicate's admins. */
export async function reportFor(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  reportId: string,
  who: 'inventor' | 'party',
) {
  const report = await deps.innovations.getReport(innovationId, reportId);
  const adoption = report ? await deps.innovations.getAdoption(innovationId, report.syndicateId) : null;
  const allowed =
    !!report &&
    !!adoption &&
    (isInventor(adoption, identity.personId) ||
      (who === 'party' && (await isAdmin(deps, report.syndicateId, identity.personId))));
  if (!allowed || !report || !adoption) throw new NotFoundError('value report', reportId);
  return { report, adoption };
}

/**
 * Steps: re-read the report (settled already: return it, so a retry never pays twice); check it is
 * confirmed; read the balances; plan the transfers (refusing past a credit limit); write it all in one
 * transaction with its log entry. A lost race re-runs from the reads.
 */
export async function settleReport(
  deps: InnovationDependencies,
  identity: Identity,
  innovationId: string,
  reportId: string,
) {
  // An adoption is written once, so its parties are read once. What a lost race changes is the report,
  // the balances and the log's head: each try reads those three together, in one round trip, which keeps
  // the window in which another settlement can get in first as short as the store allows.
  const { adoption } = await reportFor(deps, identity, innovationId, reportId, 'party');
  let lapsedParties: ReturnType<typeof partiesNow> | undefined;
  return retryOnConflict(async () => {
    const [report, accounts, head, policy] = await Promise.all([
      deps.innovations.getReport(innovationId, reportId),
      deps.ledger.getAccounts(settlementAccounts(adoption)),
      deps.registryLog.head(),
      deps.ledger.creditPolicy(),
    ]);
    if (!report) throw new NotFoundError('value report', reportId);
    if (report.status === 'settled') return { report, settledNow: false };
    const now = deps.now();
    if (!isSettleable(report, now, windowDays(deps))) {
      const status = effectiveReportStatus(report, now, windowDays(deps));
      const { message, wordsIn } = reportWords({ key: 'not-confirmed', values: { status } });
      throw new RuleViolationError('report-not-confirmed', message, { wordsIn });
    }
    // Confirmed by its window lapsing: only if someone who stands on one side only could decide it now.
    if (report.status === 'pending') {
      lapsedParties ??= partiesNow(deps, adoption, report.reportedBy, report.conflicted);
      if (!(await lapsedParties).decidable) {
        const { message, wordsIn } = reportWords({ key: 'undecidable', values: {} });
        throw new RuleViolationError('conflict-of-interest', message, { wordsIn });
      }
    }
    const at = now.toISOString();
    const base = head ?? emptyHead();
    const { settled, write, logged } = planReportSettlement({
      report,
      adoption,
      accounts,
      policy,
      value: report.amount,
      now,
      logIndex: base.treeSize,
      lapseCutoff: lapseCutoff(now, windowDays(deps)),
    });
    const log = prepareAppend(
      base,
      {
        kind: 'settlement',
        at,
        innovationId,
        syndicateId: report.syndicateId,
        reportId,
        ...logged,
        basis: {
          confirmedBy: report.confirmations.map((c) => c.personId),
          endorsedBy: report.endorsement?.personId ?? null,
          lapsed: hasLapsed(report, now, windowDays(deps)),
        },
      },
      now,
      deps.logSigner,
    );
    await deps.innovations.settle(write, log);
    return { report: settled, settledNow: true, logIndex: log.entry.index };
  });
}
