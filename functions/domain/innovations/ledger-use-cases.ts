// Reading the Bound ledger (balances, statements) and changing a credit limit, which is logged.
import { NotFoundError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { type AccountId, agreedDefaultLimit, personAccount, syndicateAccount } from '../ledger/account.ts';
import { checkGrant, type CreditGrantInput } from '../ledger/credit-grant.ts';
import { findSyndicate } from '../syndicates/syndicate-use-cases.ts';
import type { ValueReport } from './adoption.ts';
import { appendFor, type InnovationDependencies } from './dependencies.ts';
import { retryOnConflict } from '../retry.ts';
import type { CreditLimitChange } from './innovation-repository.ts';
import { accountRows, implementerRows, recordParts, type StatementRow, totalsByPerson } from './statements.ts';

/** Every account with its balance and limit, the sum of all balances (always exactly zero) and who grants credit. */
export async function ledgerOverview(deps: InnovationDependencies) {
  const accounts = await deps.ledger.listAccounts();
  return {
    stewards: deps.config.STEWARDS,
    defaultLimit: agreedDefaultLimit,
    sum: accounts.reduce((sum, account) => sum + account.balance, 0n),
    accounts: accounts
      .map((account) => ({ ...account, limit: account.creditLimit ?? agreedDefaultLimit }))
      .sort((a, b) => a.accountId.localeCompare(b.accountId)),
  };
}

async function account(deps: InnovationDependencies, accountId: AccountId) {
  const state = (await deps.ledger.getAccounts([accountId])).get(accountId);
  return {
    accountId,
    balance: state?.balance ?? 0n,
    limit: state?.creditLimit ?? agreedDefaultLimit,
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
 * A steward grants an account credit (how far below zero it may go), or takes it back with 0. The
 * account must belong to a member or a syndicate; the grant is logged with its reason.
 */
export async function grantCreditLimit(
  deps: InnovationDependencies,
  identity: Identity,
  account: { kind: 'person' | 'syndicate'; id: string },
  input: CreditGrantInput,
) {
  const accountId = account.kind === 'person' ? personAccount(account.id) : syndicateAccount(account.id);
  const exists = account.kind === 'person' ? await deps.people.get(account.id) : await deps.syndicates.get(account.id);
  if (!exists) throw new NotFoundError(account.kind, account.id);
  const membership =
    account.kind === 'syndicate' ? await deps.syndicates.getMembership(account.id, identity.personId) : null;
  checkGrant(
    {
      stewardId: identity.personId,
      stewards: deps.config.STEWARDS,
      accountId,
      memberOf: membership?.status === 'active',
    },
    input.credit,
  );
  return setCreditLimit(deps, identity.personId, accountId, input.credit === 0n ? null : -input.credit, input.reason);
}

/**
 * Sets (or, with null, removes) an account's own credit limit, the lowest balance it may reach. Every
 * change is kept with the account and appended to the registry log with who made it and why. People
 * reach it through `grantCreditLimit`, which checks who may decide it; the operator's tools and tests
 * call it directly.
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
      reason,
    });
    const change: CreditLimitChange = { accountId, limit, previous, at, by, reason, logIndex: log.entry.index };
    await deps.ledger.setCreditLimit(change, log);
    return change;
  });
}
