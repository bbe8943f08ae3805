// `npm run openings:skill-index`: gives the open openings written before the board's index by skill
// existed their index items (see adapters/dynamodb/opening-skill-backfill.ts). Run it once against AWS
// after the first deploy that keeps the index: until then, the board filtered by a skill leaves those
// openings out. A second run rewrites the same items and changes nothing. The local stack needs none:
// its table starts empty and every opening is written with its items.
//
//   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run openings:skill-index     DynamoDB Local
//   AWS_REGION=eu-west-1 TABLE_NAME=guildhall npm run openings:skill-index     AWS, with the usual credentials
import { createDocumentClient } from '#adapters/dynamodb/client.ts';
import { backfillSkillIndex } from '#adapters/dynamodb/opening-skill-backfill.ts';

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
    const report = await backfillSkillIndex(client, process.env.TABLE_NAME ?? 'guildhall', (progress) =>
      console.log(`${progress.openings} open openings read`),
    );
    console.log(
      `OK: ${report.openings} open openings, ${report.indexed} indexed, ${report.skipped} changed meanwhile (indexed by their change).`,
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
