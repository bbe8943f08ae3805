// The economy rows of `npm run bench:api`: GET /api/economy (a year of figures) beside a raw GetItem, at
// 1,000 and at 100,000 statement lines. The lines are written into the table as a payment writes them
// (the same builder, `entryPut`: two lines a payment, with the balance after), spread over the last
// year among a few thousand accounts; the stack's own stream poller then counts them, as the stream
// function does in AWS, and the rows are measured once every line is counted. So the figures read are
// the ones real counting made, and the read's cost can be compared across sizes.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from '#adapters/dynamodb/bulk.ts';
import { entryPut } from '#adapters/dynamodb/ledger-items.ts';
import type { PaymentEntry } from '#domain/innovations/innovation-repository.ts';
import type { AccountId } from '#domain/ledger/account.ts';

const dayMs = 86_400_000;

/** Lines (two a payment) from `from` up to `to`, deterministic, so a second size continues the first. */
export function benchLines(from: number, to: number, balances: Map<AccountId, bigint>, now: number): PaymentEntry[] {
  const lines: PaymentEntry[] = [];
  const accounts = 2_000;
  for (let n = from / 2; n < to / 2; n++) {
    const payer: AccountId = `person:bench-economy-${(n * 7919) % accounts}`;
    const payee: AccountId = `person:bench-economy-${(n * 104_729 + 1) % accounts}`;
    if (payer === payee) continue;
    const amount = BigInt(100 + ((n * 31) % 90_000));
    // Spread over the last year, a day after another, so every size fills a year of days' items; a
    // second or so before now on its day, so no line falls out of the year the read covers.
    const at = new Date(now - (n % 365) * dayMs - (n % 60) * 1_000).toISOString();
    const paymentId = `bench-economy-${n}`;
    const base = {
      kind: 'payment' as const,
      at,
      paymentId,
      memo: 'Benchmark',
      by: 'bench',
      logIndex: 1_000_000_000 + n,
    };
    const after = (account: AccountId, delta: bigint) => {
      const balance = (balances.get(account) ?? 0n) + delta;
      balances.set(account, balance);
      return balance;
    };
    lines.push({
      ...base,
      accountId: payer,
      counterparty: payee,
      amount: -amount,
      sequence: 0,
      balanceAfter: after(payer, -amount),
    });
    lines.push({
      ...base,
      accountId: payee,
      counterparty: payer,
      amount,
      sequence: 1,
      balanceAfter: after(payee, amount),
    });
  }
  return lines;
}

/** Writes the lines as statement lines (without their movement's other items: only the lines are counted). */
export async function writeLines(client: DynamoDBDocumentClient, tableName: string, lines: PaymentEntry[]) {
  const puts = lines.map((line) => {
    const put = entryPut(tableName, line).Put;
    if (!put) throw new Error('entryPut makes a Put');
    return { PutRequest: { Item: put.Item } };
  });
  await batchWriteAll(client, tableName, puts, 4);
}

/** Waits until GET /api/economy counts `movements` in the year, printing progress; returns the seconds it took. */
export async function countedBy(url: string, movements: number): Promise<number> {
  const started = performance.now();
  let last = -1;
  for (;;) {
    const figures = (await (await fetch(`${url}/api/economy?days=366`)).json()) as { movements: number };
    if (figures.movements >= movements) return (performance.now() - started) / 1000;
    if (Math.floor(figures.movements / 5_000) !== Math.floor(last / 5_000)) {
      console.error(`  the stream has counted ${figures.movements} of ${movements} movements`);
    }
    last = figures.movements;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
