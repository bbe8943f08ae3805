// `npm run economy:backfill`: counts into the economy's figures (GET /api/economy, /economy/) every
// statement line and credit-limit change the table held before the stream counted them
// (adapters/dynamodb/economy-backfill.ts). Safe beside the running stream and safe to run again: each
// line is counted once. It resumes after the last account it finished; once done, a run is one read.
// First it moves the days the figures' first version kept an item each into their months (once each),
// then builds each month's totals from its days where none were built (once each), and last recomputes
// the standard periods' snapshots.
//
//   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run economy:backfill     DynamoDB Local (`npm start` prints it)
//   AWS_REGION=eu-west-1 TABLE_NAME=guildhall npm run economy:backfill     AWS, with the usual credentials
import { backfillEconomy } from '#adapters/dynamodb/economy-backfill.ts';
import { foldEconomyDays } from '#adapters/dynamodb/economy-day-fold.ts';
import { buildEconomyMonthTotals } from '#adapters/dynamodb/economy-month-totals.ts';
import { createEconomyRepository } from '#adapters/dynamodb/economy-repository.ts';
import { countStoredItems } from '#app/stream-economy.ts';
import { refreshEconomySnapshots } from '#domain/ledger/economy-use-cases.ts';
import { runStoreCommand } from './store-command.ts';

if (import.meta.main) {
  await runStoreCommand(async (client, tableName) => {
    const economy = createEconomyRepository(client, tableName);
    // Days kept by the first version (an item a day) into their months, which the page reads.
    const folded = await foldEconomyDays(client, tableName);
    if (folded > 0) console.log(`${folded} stored days moved into their months`);
    // Each month's totals, which a longer period reads, from its days (once each).
    const built = await buildEconomyMonthTotals(client, tableName);
    if (built > 0) console.log(`${built} months' totals built from their days`);
    const report = await backfillEconomy(client, tableName, countStoredItems({ economy }), (accounts) => {
      if (accounts % 100 === 0) console.log(`${accounts} accounts counted`);
    });
    // The standard periods' snapshots (what the page and the API read), over what this run counted.
    await refreshEconomySnapshots({ economy, now: () => new Date() });
    console.log(
      report.doneAlready
        ? 'OK: done already (every account’s lines were counted by an earlier run; the stream counts the rest).'
        : `OK: ${report.accounts} accounts, ${report.items} items looked at; every line is counted once.`,
    );
  });
}
