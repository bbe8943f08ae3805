// What settling a report writes, planned from what was read: the transfers (half the value from the
// syndicate to the inventors, by share, refused past the payer's credit limit), the report settled, the
// statement lines and the conditions the write is made over. Pure, so a settlement confirmed by its
// parties (settle-report.ts) and one a restorative circle decided (the closing of its proposal) write
// exactly the same thing, each in its own transaction with its own log entry.
import {
  type AccountId,
  agreedDefaultLimit,
  creditLimits,
  personAccount,
  syndicateAccount,
} from '../ledger/account.ts';
import { limitOf } from '../ledger/credit-policy.ts';
import type { StoredCreditPolicy } from '../ledger/credit-policy.ts';
import { planSettlement } from '../ledger/plan-settlement.ts';
import { splitByShares } from '../ledger/shares.ts';
import type { Adoption, ValueReport } from './adoption.ts';
import type { AccountState, RoyaltyEntry, SettlementWrite } from './innovation-repository.ts';

/** Implementers' shares follow a settlement's royalty entries (at most 40) in its statement order. */
const implementerShareSequence = 100;

export interface SettlementRead {
  report: ValueReport;
  adoption: Pick<Adoption, 'syndicateId' | 'inventors' | 'implementers'>;
  accounts: ReadonlyMap<AccountId, AccountState>;
  policy: Pick<StoredCreditPolicy, 'version' | 'defaultCredit' | 'tiers'> | null;
  /** What is settled: the reported amount, or what a circle agreed (at most that). */
  value: bigint;
  now: Date;
  /** The log entry the settlement is written with. */
  logIndex: number;
  lapseCutoff: string;
  /** A circle settles a disputed report; the parties' own settlement, a confirmed one. */
  over?: 'disputed';
}

/** The accounts a report's settlement moves: its syndicate's, then each inventor's. */
export function settlementAccounts(adoption: Pick<Adoption, 'syndicateId' | 'inventors'>) {
  return [syndicateAccount(adoption.syndicateId), ...adoption.inventors.map((i) => personAccount(i.personId))];
}

/** The settlement's write, and what its log entry says it moved. Throws CreditLimitError past the payer's limit. */
export function planReportSettlement(read: SettlementRead) {
  const { report, adoption, accounts, policy, value, now, logIndex } = read;
  const payer = syndicateAccount(adoption.syndicateId);
  const inventors = adoption.inventors.map((i) => ({ id: personAccount(i.personId), basisPoints: i.basisPoints }));
  // The payer's limit by the one rule a payment checks too: its own grant, else the voted policy.
  const payerState = accounts.get(payer);
  const payerLimit = limitOf({ grant: payerState?.creditLimit, policy, firstTradeAt: payerState?.firstTradeAt, now });
  const plan = planSettlement({
    syndicate: payer,
    value,
    inventors,
    balances: new Map([...accounts].map(([id, account]) => [id, account.balance])),
    limits: creditLimits(agreedDefaultLimit, [[payer, payerLimit]]),
  });
  const at = now.toISOString();
  const implementerParts = splitByShares(
    plan.royalty.implementers,
    adoption.implementers.map((i) => ({ id: i.personId, basisPoints: i.basisPoints })),
  );
  const settled: ValueReport = {
    ...report,
    status: 'settled',
    settlement: {
      settledAt: at,
      value,
      inventorsTotal: plan.royalty.inventorsTotal,
      implementersTotal: plan.royalty.implementers,
      inventorParts: plan.royalty.inventors.map((p) => ({ personId: p.id.slice('person:'.length), amount: p.amount })),
      implementerParts: implementerParts.map((p) => ({ personId: p.id, amount: p.amount })),
      logIndex,
    },
  };
  const base = {
    at,
    innovationId: report.innovationId,
    reportId: report.id,
    syndicateId: report.syndicateId,
    logIndex,
  };
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
  const seen = (accountId: AccountId) => accounts.get(accountId)?.balance ?? 0n;
  const write: SettlementWrite = {
    report: settled,
    lapseCutoff: read.lapseCutoff,
    ...(read.over ? { over: read.over } : {}),
    payer:
      moved > 0n
        ? {
            accountId: payer,
            total: moved,
            floor: payerLimit + moved,
            limitSeen: payerState?.creditLimit ?? null,
            policyVersion: policy?.version ?? null,
            seen: seen(payer),
          }
        : null,
    payees: plan.transfers.map((t) => ({ accountId: t.to, amount: t.amount, seen: seen(t.to) })),
    entries,
  };
  return {
    settled,
    write,
    /** The settlement as its log entry carries it: amounts as strings of digits. */
    logged: {
      value: value.toString(),
      transfers: plan.transfers.map((t) => ({ from: t.from, to: t.to, amount: t.amount.toString() })),
      implementersKeep: plan.royalty.implementers.toString(),
    },
  };
}
