// `npm run openings:skill-index`: gives the open openings written before the board's index by skill
// existed their index items (see adapters/dynamodb/opening-skill-backfill.ts). Run it once against AWS
// after the first deploy that keeps the index: until then, the board filtered by a skill leaves those
// openings out. A second run rewrites the same items and changes nothing. The local stack needs none:
// its table starts empty and every opening is written with its items.
//
//   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run openings:skill-index     DynamoDB Local
//   AWS_REGION=eu-west-1 TABLE_NAME=guildhall npm run openings:skill-index     AWS, with the usual credentials
import { backfillSkillIndex } from '#adapters/dynamodb/opening-skill-backfill.ts';
import { runStoreCommand } from './store-command.ts';

if (import.meta.main) {
  await runStoreCommand(async (client, tableName) => {
    const report = await backfillSkillIndex(client, tableName, (progress) =>
      console.log(`${progress.openings} open openings read`),
    );
    console.log(
      `OK: ${report.openings} open openings, ${report.indexed} indexed, ${report.skipped} changed meanwhile (indexed by their change).`,
    );
  });
}
