// `npm run log:backfill`: stores the subtree hashes of registry-log entries appended before they were
// kept (see adapters/dynamodb/registry-log-backfill.ts), so their proofs read O(log n) items too. The
// local stack runs it at every start; against AWS, run it once after the first deploy that keeps them
// (until then a proof that needs many old nodes answers 503). A second run is one read.
//
//   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run log:backfill     DynamoDB Local (`npm start` prints it)
//   AWS_REGION=eu-west-1 TABLE_NAME=guildhall npm run log:backfill     AWS, with the usual credentials
import { backfillSubtrees } from '#adapters/dynamodb/registry-log-backfill.ts';
import { runStoreCommand } from './store-command.ts';

if (import.meta.main) {
  await runStoreCommand(async (client, tableName) => {
    const { entries, written, done } = await backfillSubtrees(client, tableName, (at, of) =>
      console.log(`${at} of ${of} entries`),
    );
    console.log(
      done
        ? `OK: done already (every entry below ${entries} keeps its subtree hashes).`
        : `OK: ${entries} entries, ${written} given their subtree hashes.`,
    );
  });
}
