// `npm run people:draw-backfill`: gives people made before a restorative circle drew its panel their
// place in the draw (see adapters/dynamodb/people-draw-backfill.ts). Run it once against AWS after the
// first deploy that keeps it: until then, a circle draws only from people who signed up since. A second
// run finds nobody to place. The local stack needs none: every person is written with their place.
//
//   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run people:draw-backfill     DynamoDB Local
//   AWS_REGION=eu-west-1 TABLE_NAME=guildhall npm run people:draw-backfill     AWS, with the usual credentials
import { backfillPeopleDraw } from '#adapters/dynamodb/people-draw-backfill.ts';
import { runStoreCommand } from './store-command.ts';

if (import.meta.main) {
  await runStoreCommand(async (client, tableName) => {
    const report = await backfillPeopleDraw(client, tableName, (progress) =>
      console.log(`${progress.found} people without a place found`),
    );
    console.log(`OK: ${report.found} found, ${report.placed} placed in the draw.`);
  });
}
