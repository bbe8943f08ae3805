// Reading the Bound ledger (balances, statements) and changing a credit limit, which is logged.
import { NotFoundError, ValidationError } from '../errors.ts';
import { type AccountId, personAccount, syndicateAccount } from '../ledger/account.ts';
import { findSyndicate } from '../syndicates/syndicate-use-cases.ts';
import type { ValueReport } from './adoption.ts';
import { appendFor, type InnovationDependencies, retryOnConflict } from './dependencies.ts';
import type { CreditLimitChange } from './innovation-repository.ts';
import { accountRows, implementerRows, recordParts, type StatementRow, totalsByPerson } from './statements.ts';

export const defaultLimit = (deps: Pick<InnovationDependencies, 'config'>) =>
  -BigInt(deps.config.BOUND_DEFAULT_CREDIT_LIMIT);

/** Every account with its balance and limit, and the sum of all balances (always exactly zero). */
export async function ledgerOverview(deps: InnovationDependencies) {
  const accounts = await deps.ledger.listAccounts();
  return {
    defaultLimit: defaultLimit(deps),
    sum: accounts.reduce((sum, account) => sum + account.balance, 0n),
    accounts: accounts
      .map((account) => ({ ...account, limit: account.creditLimit ?? defaultLimit(deps) }))
      .sort((a, b) => a.accountId.localeCompare(b.accountId)),
  };
}

async function account(deps: InnovationDependencies, accountId: AccountId) {
  const state = (await deps.ledger.getAccounts([accountId])).get(accountId);
  return {
    accountId,
    balance: state?.balance ?? 0n,
    limit: state?.creditLimit ?? defaultLimit(deps),
    overridden: state?.creditLimit !== undefined,
  };
}

async function titlesOf(deps: InnovationDependencies, ids: Iterable<string>) {
  const titles = new Map<string, string>();
  for (const id of new Set(ids)) titles.set(id, (await deps.innovations.get(id))?.title ?? id);
  return titles;
}

/** A person's Bound: royalties received, and their shares as implementer in their syndicates. */
export async function personStatement(deps: InnovationDependencies, personId: string) {
  const accountId = personAccount(personId);
  const [entries, memberships] = await Promise.all([
    deps.ledger.listEntries(accountId),
    deps.syndicates.listMembershipsOf(personId),
  ]);
  const reports: ValueReport[] = (
    await Promise.all(memberships.map((m) => deps.innovations.listReportsBySyndicate(m.syndicateId)))
  ).flat();
  const titles = await titlesOf(deps, [...entries.map((e) => e.innovationId), ...reports.map((r) => r.innovationId)]);
  const rows: StatementRow[] = [...accountRows(entries, titles), ...implementerRows(personId, reports, titles)].sort(
    (a, b) => a.at.localeCompare(b.at),
  );
  return { account: await account(deps, accountId), rows };
}

/** A syndicate's Bound: royalties paid (and received, if it ever is paid), with its adoptions and reports. */
export async function syndicateStatement(deps: InnovationDependencies, syndicateId: string) {
  const syndicate = await findSyndicate(deps, syndicateId);
  const accountId = syndicateAccount(syndicateId);
  const [entries, adoptions, reports] = await Promise.all([
    deps.ledger.listEntries(accountId),
    deps.innovations.listAdoptionsBySyndicate(syndicateId),
    deps.innovations.listReportsBySyndicate(syndicateId),
  ]);
  const titles = await titlesOf(deps, [...entries.map((e) => e.innovationId), ...adoptions.map((a) => a.innovationId)]);
  return {
    syndicate,
    account: await account(deps, accountId),
    rows: accountRows(entries, titles),
    adoptions,
    reports,
    titles,
  };
}

/** A record's settlements: every part paid or kept, and the totals by person. */
export async function recordStatement(deps: InnovationDependencies, innovationId: string) {
  const record = await deps.innovations.get(innovationId);
  if (record?.status !== 'published') throw new NotFoundError('innovation', innovationId);
  const reports = (await deps.innovations.listReports(innovationId)).filter((r) => r.status === 'settled');
  const parts = recordParts(reports);
  return {
    record,
    parts,
    totals: totalsByPerson(parts),
    valueSettled: reports.reduce((sum, r) => sum + r.amount, 0n),
  };
}

/**
 * Sets (or, with null, removes) an account's own credit limit. Every change is kept with the account
 * and appended to the registry log. No HTTP route calls this yet: Guildhall has no stewards' role to
 * authorise it, so it is run by the operator (demo data, tests).
 */
export async function setCreditLimit(
  deps: InnovationDependencies,
  by: string,
  accountId: AccountId,
  limit: bigint | null,
  reason: string,
) {
  if (limit !== null && limit > 0n) {
    throw new ValidationError([{ field: 'limit', message: 'must be zero or negative: the lowest balance allowed' }]);
  }
  return retryOnConflict(async () => {
    const previous = (await deps.ledger.getAccounts([accountId])).get(accountId)?.creditLimit ?? null;
    const at = deps.now().toISOString();
    const log = await appendFor(deps, {
      kind: 'credit-limit',
      at,
      accountId,
      limit: limit === null ? null : limit.toString(),
      previous: previous === null ? null : previous.toString(),
      by,
    });
    const change: CreditLimitChange = { accountId, limit, previous, at, by, reason, logIndex: log.entry.index };
    await deps.ledger.setCreditLimit(change, log);
    return change;
  });
}
