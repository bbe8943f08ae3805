// Reading the Bound ledger (balances, statements) and changing a credit limit, which is logged.
import { NotFoundError, ValidationError } from '../errors.ts';
import { registryWords } from '../i18n/records/registry-refusals.ts';
import type { PageRequest } from '../paging.ts';
import type { Identity } from '../identity.ts';
import { type AccountId, personAccount, syndicateAccount } from '../ledger/account.ts';
import { type CreditPolicy, limitOf } from '../ledger/credit-policy.ts';
import { checkGrant, type CreditGrantInput, refuseRemoved } from '../ledger/credit-grant.ts';
import { stewardsNow } from '../ledger/stewards.ts';
import { findSyndicate } from '../syndicates/syndicate-use-cases.ts';
import { publicRecord } from './consent.ts';
import { appendFor, type InnovationDependencies } from './dependencies.ts';
import { retryOnConflict } from '../retry.ts';
import type { AccountState, CreditLimitChange } from './innovation-repository.ts';
import { reportView } from './record-view.ts';
import { accountRows, recordParts } from './statements.ts';

/**
 * A page of the accounts, each with its balance and limit; the sum of all balances, the settlements
 * and the Bound moved, as the settlements kept them (never a read of every account); who grants credit.
 */
export async function ledgerOverview(deps: InnovationDependencies, request: PageRequest) {
  const [totals, page, policy, removals] = await Promise.all([
    deps.ledger.totals(),
    deps.ledger.accountsPage(request),
    deps.ledger.creditPolicy(),
    deps.ledger.stewardRemovals(),
  ]);
  const now = deps.now();
  return {
    stewards: stewardsNow(deps.config.STEWARDS, removals),
    // What an account without a grant or any history may go down to: the policy's default, once voted.
    defaultLimit: limitOf({ policy, now }),
    creditPolicy: policy,
    ...totals,
    ...page,
    items: page.items.map((account) => ({ ...account, limit: accountLimit(account, policy, now) })),
  };
}

/** The limit a payment from this account would check now: the same rule movePayment applies. */
export function accountLimit(
  state: Pick<AccountState, 'creditLimit' | 'firstTradeAt'> | undefined,
  policy: CreditPolicy | null,
  now: Date,
) {
  return limitOf({ grant: state?.creditLimit, policy, firstTradeAt: state?.firstTradeAt, now });
}

async function account(deps: InnovationDependencies, accountId: AccountId) {
  const [accounts, policy] = await Promise.all([deps.ledger.getAccounts([accountId]), deps.ledger.creditPolicy()]);
  const state = accounts.get(accountId);
  return {
    accountId,
    balance: state?.balance ?? 0n,
    limit: accountLimit(state, policy, deps.now()),
    overridden: state?.creditLimit !== undefined,
  };
}

/** The titles of these records, in one batch read; a record that is gone keeps its id. */
export async function titlesOf(deps: InnovationDependencies, ids: Iterable<string>) {
  const records = await deps.innovations.getMany([...new Set(ids)]);
  return new Map([...new Set(ids)].map((id) => [id, records.get(id)?.title ?? id]));
}

/** A page of an account's statement, oldest first, with the account as it stands. */
async function statementPage(deps: InnovationDependencies, accountId: AccountId, request: PageRequest) {
  const [page, state] = await Promise.all([deps.ledger.entriesPage(accountId, request), account(deps, accountId)]);
  const titles = await titlesOf(
    deps,
    page.items.flatMap((entry) => (entry.kind === 'payment' ? [] : [entry.innovationId])),
  );
  return { account: state, ...page, items: accountRows(page.items, titles) };
}

/** A person's Bound, a page at a time: payments, royalties received, and their shares as an implementer. */
export async function personStatement(deps: InnovationDependencies, personId: string, request: PageRequest) {
  return statementPage(deps, personAccount(personId), request);
}

/** A syndicate's Bound, a page at a time: payments, and royalties paid (or received). */
export async function syndicateStatement(deps: InnovationDependencies, syndicateId: string, request: PageRequest) {
  const syndicate = await findSyndicate(deps, syndicateId);
  return { syndicate, ...(await statementPage(deps, syndicateAccount(syndicateId), request)) };
}

/** A page of what a syndicate adopted, newest first, with the records' titles. */
export async function syndicateAdoptions(deps: InnovationDependencies, syndicateId: string, request: PageRequest) {
  await findSyndicate(deps, syndicateId);
  const page = await deps.innovations.adoptionsBySyndicatePage(syndicateId, request);
  const titles = await titlesOf(
    deps,
    page.items.map((adoption) => adoption.innovationId),
  );
  return { ...page, items: page.items.map((adoption) => ({ ...adoption, title: titles.get(adoption.innovationId) })) };
}

/** A page of the value a syndicate reported, newest first, with the records' titles. */
export async function syndicateReports(deps: InnovationDependencies, syndicateId: string, request: PageRequest) {
  await findSyndicate(deps, syndicateId);
  const page = await deps.innovations.reportsBySyndicatePage(syndicateId, request);
  const titles = await titlesOf(
    deps,
    page.items.map((report) => report.innovationId),
  );
  const now = deps.now();
  return {
    ...page,
    items: page.items.map((report) => ({
      ...reportView(report, now, deps.config.ROYALTY_DISPUTE_WINDOW_DAYS),
      title: titles.get(report.innovationId),
    })),
  };
}

/**
 * A record's settlements, a page of them at a time (newest first), each with every part paid or kept;
 * and its totals, which the settlements keep on the record itself. (Totals by person would need every
 * settlement read: the statement lists who received what instead, settlement by settlement.)
 */
export async function recordStatement(deps: InnovationDependencies, innovationId: string, request: PageRequest) {
  const record = await deps.innovations.get(innovationId);
  if (record?.status !== 'published') throw new NotFoundError('innovation', innovationId);
  const valueSettled = record.valueSettled ?? 0n;
  // Every settlement is listed apart since that list was kept; a record settled before it was (its
  // listed value falls short of its settled value) finds its settlements by reading through its log.
  const page =
    (record.valueListed ?? 0n) === valueSettled
      ? await deps.innovations.settlementsPage(innovationId, request)
      : await deps.innovations.reportsPage(innovationId, request, 'settled');
  const royaltiesPaid = record.royaltiesPaid ?? 0n;
  return {
    record: publicRecord(record),
    valueSettled,
    royaltiesPaid,
    keptByImplementers: valueSettled - royaltiesPaid,
    ...page,
    items: page.items.flatMap((report) =>
      report.settlement
        ? [
            {
              reportId: report.id,
              syndicateId: report.syndicateId,
              at: report.settlement.settledAt,
              value: report.settlement.value,
              parts: recordParts([report]),
            },
          ]
        : [],
    ),
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
  const [membership, removed] = await Promise.all([
    account.kind === 'syndicate' ? deps.syndicates.getMembership(account.id, identity.personId) : null,
    deps.ledger.stewardRemovals(),
  ]);
  checkGrant(
    {
      stewardId: identity.personId,
      stewards: deps.config.STEWARDS,
      removed,
      accountId,
      memberOf: membership?.status === 'active',
    },
    input.credit,
  );
  const limit = input.credit === 0n ? null : -input.credit;
  // The write conditions on the steward still standing: a removal voted meanwhile refuses it.
  return setCreditLimit(deps, identity.personId, accountId, limit, input.reason, { asSteward: true });
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
  { asSteward = false }: { asSteward?: boolean } = {},
) {
  if (limit !== null && limit > 0n) {
    throw new ValidationError([{ field: 'limit', ...registryWords({ key: 'limit-positive', values: {} }) }]);
  }
  return retryOnConflict(async () => {
    const [accounts, removed] = await Promise.all([
      deps.ledger.getAccounts([accountId]),
      asSteward ? deps.ledger.stewardRemovals() : [],
    ]);
    // A removal that landed after the grant was checked: refused as the check would have, not retried.
    refuseRemoved(by, removed);
    const previous = accounts.get(accountId)?.creditLimit ?? null;
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
    await deps.ledger.setCreditLimit(change, log, asSteward ? by : undefined);
    return change;
  });
}
