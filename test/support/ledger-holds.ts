// What every sequence of movements must leave behind, checked the same way by each property test that
// moves Bound (payments, orders): the ledger's promises, and the registry log verifying end to end.
import { expect } from 'vitest';
import type { Services } from '#app/services.ts';
import type { AccountId } from '#domain/ledger/account.ts';
import { verifyTable } from '#local/verify-log.ts';
import { localEndpoint } from './dynamodb.ts';
import { allAccounts, allEntries, ledgerSums } from './innovation-world.ts';

/**
 * Balances sum to zero; each account's balance is the model's and stays at or above its floor; each
 * statement adds up to its balance, and its last line carries it.
 */
export async function expectLedgerHolds(
  services: Services,
  accounts: readonly AccountId[],
  model: readonly bigint[],
  floor: (index: number) => bigint,
) {
  expect(await ledgerSums(services)).toEqual({ balances: 0n, kept: 0n });
  const stored = new Map((await allAccounts(services)).map((a) => [a.accountId, a]));
  for (const [index, accountId] of accounts.entries()) {
    const balance = stored.get(accountId)?.balance ?? 0n;
    expect(balance, accountId).toBe(model[index]);
    expect(balance >= floor(index), accountId).toBe(true);
    const lines = await allEntries(services, accountId);
    expect(
      lines.reduce((sum, line) => sum + line.amount, 0n),
      accountId,
    ).toBe(balance);
    if (lines.length > 0) expect(lines.at(-1)?.balanceAfter, accountId).toBe(balance);
  }
}

/** The registry log verifies from its first entry to its signed head, and holds at least one payment. */
export async function expectLogVerifies(services: Services) {
  const audit = await verifyTable({
    endpoint: localEndpoint(),
    tableName: services.config.TABLE_NAME,
    publicKey: services.logSigner.publicJwk,
  });
  expect(audit.result).toMatchObject({ ok: true });
  expect((await services.ledger.totals()).payments).toBeGreaterThan(0);
}
