// `npm run followers:host-backfill`: puts the syndicates' fediverse followers kept before they were
// indexed by host on that index (see adapters/dynamodb/follower-hosts-backfill.ts), so a block of their
// instance removes them. Run it once against AWS after the first deploy that keeps the index: until
// then, a block removes only the followers who followed since. A second run finds nobody to index.
//
//   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run followers:host-backfill     DynamoDB Local
//   AWS_REGION=eu-west-1 TABLE_NAME=guildhall npm run followers:host-backfill     AWS, with the usual credentials
import { backfillFollowerHosts } from '#adapters/dynamodb/follower-hosts-backfill.ts';
import { runStoreCommand } from './store-command.ts';

if (import.meta.main) {
  await runStoreCommand(async (client, tableName) => {
    const report = await backfillFollowerHosts(client, tableName, (progress) =>
      console.log(`${progress.found} followers without the host index found`),
    );
    console.log(`OK: ${report.found} found, ${report.indexed} indexed by host.`);
  });
}
