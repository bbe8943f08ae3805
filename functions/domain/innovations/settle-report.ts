// Settling a confirmed value report on the Bound ledger: half the value from the adopting syndicate
// to the inventors, by share, in one transaction that also appends the settlement to the registry log.
import { NotFoundError, RuleViolationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import {
  type AccountId,
  agreedDefaultLimit,
  creditLimits,
  personAccount,
  syndicateAccount,
} from '../ledger/account.ts';
import { limitOf } from '../ledger/credit-policy.ts';
import { planSettlement } from '../ledger/plan-settlement.ts';
import { splitByShares } from '../ledger/shares.ts';
import { effectiveReportStatus, hasLapsed, isSettleable, lapseCutoff, type ValueReport } from './adoption.ts';
import type { Adoption } from './adoption.ts';
import { isAdmin } from '../syndicates/syndicate-use-cases.ts';
import type { InnovationDependencies } from './dependencies.ts';
import { retryOnConflict } from '../retry.ts';
import { partiesNow } from './report-parties.ts';
import { emptyHead, prepareAppend } from './log-head.ts';
import type { RoyaltyEntry, SettlementWrite } from './innovation-repository.ts';

const windowDays = (deps: InnovationDependencies) => deps.config.ROYALTY_DISPUTE_WINDOW_DAYS;
/** Implementers' shares follow a settlement's royalty entries (at most 40) in its statement order. */
const implementerShareSequence = 100;
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
  const payer = syndicateAccount(adoption.syndicateId);
  const inventors = adoption.inventors.map((i) => ({ id: personAccount(i.personId), basisPoints: i.basisPoints }));
  let lapsedParties: ReturnType<typeof partiesNow> | undefined;
  return retryOnConflict(async () => {
    const [report, accounts, head, policy] = await Promise.all([
      deps.innovations.getReport(innovationId, reportId),
      deps.ledger.getAccounts([payer, ...inventors.map((i) => i.id)]),
      deps.registryLog.head(),
      deps.ledger.creditPolicy(),
    ]);
    if (!report) throw new NotFoundError('value report', reportId);
    if (report.status === 'settled') return { report, settledNow: false };
    const now = deps.now();
    if (!isSettleable(report, now, windowDays(deps))) {
      throw new RuleViolationError(
        'report-not-confirmed',
        `Only a confirmed report can be settled; this one is ${effectiveReportStatus(report, now, windowDays(deps))}.`,
      );
    }
    // Confirmed by its window lapsing: only if someone who stands on one side only could decide it now.
    if (report.status === 'pending') {
      lapsedParties ??= partiesNow(deps, adoption, report.reportedBy, report.conflicted);
      if (!(await lapsedParties).decidable) {
        throw new RuleViolationError(
          'conflict-of-interest',
          'Nobody who stands on only one side of this report can decide it any more, so it does not count as confirmed by time alone: an inventor who is not an admin of the syndicate, or an admin who is not an inventor, must confirm it.',
        );
      }
    }
    // The payer's limit by the one rule a payment checks too: its own grant, else the voted policy.
    const payerState = accounts.get(payer);
    const payerLimit = limitOf({ grant: payerState?.creditLimit, policy, firstTradeAt: payerState?.firstTradeAt, now });
    const limits = creditLimits(agreedDefaultLimit, [[payer, payerLimit]]);
    const plan = planSettlement({
      syndicate: payer,
      value: report.amount,
      inventors,
      balances: new Map([...accounts].map(([id, account]) => [id, account.balance])),
      limits,
    });
    const at = now.toISOString();
    const total = plan.royalty.inventorsTotal;
    const log = prepareAppend(
      head ?? emptyHead(),
      {
        kind: 'settlement',
        at,
        innovationId,
        syndicateId: report.syndicateId,
        reportId,
        value: report.amount.toString(),
        transfers: plan.transfers.map((t) => ({ from: t.from, to: t.to, amount: t.amount.toString() })),
        implementersKeep: plan.royalty.implementers.toString(),
        basis: {
          confirmedBy: report.confirmations.map((c) => c.personId),
          endorsedBy: report.endorsement?.personId ?? null,
          lapsed: hasLapsed(report, now, windowDays(deps)),
        },
      },
      now,
      deps.logSigner,
    );
    const implementerParts = splitByShares(
      plan.royalty.implementers,
      adoption.implementers.map((i) => ({ id: i.personId, basisPoints: i.basisPoints })),
    );
    const settled: ValueReport = {
      ...report,
      status: 'settled',
      settlement: {
        settledAt: at,
        value: report.amount,
        inventorsTotal: total,
        implementersTotal: plan.royalty.implementers,
        inventorParts: plan.royalty.inventors.map((p) => ({
          personId: p.id.slice('person:'.length),
          amount: p.amount,
        })),
        implementerParts: implementerParts.map((p) => ({ personId: p.id, amount: p.amount })),
        logIndex: log.entry.index,
      },
    };
    const base = { at, innovationId, reportId, syndicateId: report.syndicateId, logIndex: log.entry.index };
    const royalty = { ...base, kind: 'royalty' as const };
    const entries: RoyaltyEntry[] = [
      ...plan.transfers.flatMap((t, i) => [
        { ...royalty, accountId: t.from, counterparty: t.to, amount: -t.amount, sequence: 2 * i },
        { ...royalty, accountId: t.to, counterparty: t.from, amount: t.amount, sequence: 2 * i + 1 },
      ]),
      // What the syndicate keeps for each implementer, on that person's statement: it moves nothing.
      ...implementerParts
        .filter((part) => part.amount > 0n)
        .map((part, i) => ({
          ...base,
          kind: 'implementer-share' as const,
          accountId: personAccount(part.id),
          counterparty: payer,
          amount: part.amount,
          sequence: implementerShareSequence + i,
        })),
    ];
    const moved = plan.transfers.reduce((sum, t) => sum + t.amount, 0n);
    const limitSeen = payerState?.creditLimit ?? null;
    const seen = (accountId: AccountId) => accounts.get(accountId)?.balance ?? 0n;
    const write: SettlementWrite = {
      report: settled,
      lapseCutoff: lapseCutoff(now, windowDays(deps)),
      payer:
        moved > 0n
          ? {
              accountId: payer,
              total: moved,
              floor: payerLimit + moved,
              limitSeen,
              policyVersion: policy?.version ?? null,
              seen: seen(payer),
            }
          : null,
      payees: plan.transfers.map((t) => ({ accountId: t.to, amount: t.amount, seen: seen(t.to) })),
      entries,
    };
    await deps.innovations.settle(write, log);
    return { report: settled, settledNow: true, logIndex: log.entry.index };
  });
}
