// The accounts a signed-in person acts for: their own and those of the syndicates they are an admin of,
// as the pay and request forms offer them. One page of memberships: a person who administers more than
// 100 syndicates sees the first 100 here (the API takes any of them).
import type { Services } from '#app/services.ts';
import type { Translate } from '#domain/i18n/catalogue.ts';
import type { Identity } from '#domain/identity.ts';
import { accountLimit } from '#domain/innovations/ledger-use-cases.ts';
import { isAccountId } from '#domain/ledger/account.ts';
import { accountNames } from '../../innovations/_lib/names.ts';

export async function ownAccounts(services: Services, identity: Identity, t: Translate) {
  const memberships = await services.syndicates.pageMembershipsOf(identity.personId, { limit: 100 });
  const administered = memberships.items.filter((m) => m.status === 'active' && m.role === 'admin');
  const accounts = [`person:${identity.personId}`, ...administered.map((m) => `syndicate:${m.syndicateId}`)];
  const name = await accountNames(services, accounts);
  return accounts.map((accountId, index) => ({
    accountId,
    label: index === 0 ? t('accounts.own') : t('accounts.asAdmin', name(accountId)),
  }));
}

/** An account's balance and limit, with its name, for a refusal past the limit. */
export async function payerState(services: Services, accountId: string, name: string) {
  if (!isAccountId(accountId)) return undefined;
  const [accounts, policy] = await Promise.all([
    services.ledger.getAccounts([accountId]),
    services.ledger.creditPolicy(),
  ]);
  // The limit the refused payment checked: the same rule as movePayment's.
  return {
    balance: accounts.get(accountId)?.balance ?? 0n,
    limit: accountLimit(accounts.get(accountId), policy, services.now()),
    name,
  };
}
