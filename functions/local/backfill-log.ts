// `npm run log:backfill`: stores the subtree hashes of registry-log entries appended before they were
// kept (see adapters/dynamodb/registry-log-backfill.ts), so their proofs read O(log n) items too. The
// local stack runs it at every start; against AWS, run it once after the first deploy that keeps them
// (until then a proof that needs many old nodes answers 503). A second run is one read.
//
//   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run log:backfill     DynamoDB Local (`npm start` prints it)
//   AWS_REGION=eu-west-1 TABLE_NAME=guildhall npm run log:backfill     AWS, with the usual credentials
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { backfillSubtrees } from '#adapters/dynamodb/registry-log-backfill.ts';

async function main() {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint && !process.env.AWS_REGION) {
    console.error('Set DYNAMODB_ENDPOINT (the DynamoDB Local endpoint `npm start` prints), or AWS_REGION.');
    process.exitCode = 2;
    return;
  }
  // A command run by hand, under no function's deadline: a slow store is waited for, not refused.
  const client = createDocumentClient({ region: process.env.AWS_REGION ?? 'eu-west-1', endpoint, timeoutMs: 30_000 });
  try {
    const { entries, written, done } = await backfillSubtrees(client, process.env.TABLE_NAME ?? 'guildhall', (at, of) =>
      console.log(`${at} of ${of} entries`),
    );
    console.log(
      done
        ? `OK: done already (every entry below ${entries} keeps its subtree hashes).`
        : `OK: ${entries} entries, ${written} given their subtree hashes.`,
    );
  } finally {
    client.destroy();
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  });
}
