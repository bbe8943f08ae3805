// Settling the royalty for an adopted innovation: the adopting syndicate pays the inventors their
// half of the confirmed value V (see royalty.ts), out of its own account.
//
// Steps:
// 1. Split V: floor(V / 2) to the inventors by their shares; the rest stays with the syndicate's
//    implementers, so it needs no transfer.
// 2. Make one transfer from the syndicate to each inventor whose part is above zero. A part owed to
//    the adopting syndicate itself (a syndicate may be an inventor) stays where it is: no transfer.
// 3. Apply the transfers to the current balances, refusing with CreditLimitError (rule `credit-limit`)
//    if the syndicate would pass its credit limit. Nothing is written here: the caller stores the
//    transfers and balances in one transaction.
import { ValidationError } from '../errors.ts';
import { sharesWords } from '../i18n/economy/shares-refusals.ts';
import type { AccountId, CreditLimits } from './account.ts';
import { type RoyaltySplit, royaltySplit } from './royalty.ts';
import type { Share } from './shares.ts';
import { applyTransfers, type Balances, type Transfer } from './transfer.ts';

export interface SettlementRequest {
  /** The adopting syndicate's account: `syndicate:<id>`. */
  syndicate: AccountId;
  /** The confirmed value V, in minor units. */
  value: bigint;
  inventors: readonly Share<AccountId>[];
  /** Current balances of at least the syndicate and the inventors; absent accounts hold zero. */
  balances: Balances;
  limits: CreditLimits;
}

export interface SettlementPlan {
  royalty: RoyaltySplit<AccountId>;
  /** Syndicate → inventor, in the order the inventors were given; no zero amounts. */
  transfers: Transfer[];
  /** `balances` with the transfers applied. */
  balances: Map<AccountId, bigint>;
}

export function planSettlement(request: SettlementRequest): SettlementPlan {
  const { syndicate, value, inventors, balances, limits } = request;
  if (!syndicate.startsWith('syndicate:')) {
    throw new ValidationError([{ field: 'syndicate', ...sharesWords({ key: 'syndicate-account', values: {} }) }]);
  }
  const royalty = royaltySplit(value, inventors);
  const transfers: Transfer[] = royalty.inventors
    .filter((part) => part.amount > 0n && part.id !== syndicate)
    .map((part) => ({ from: syndicate, to: part.id, amount: part.amount }));
  return { royalty, transfers, balances: applyTransfers(balances, transfers, limits) };
}
