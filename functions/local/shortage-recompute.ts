// `npm run shortage:recompute`: rebuild the shortage index from a table. Point it at the table with
// TABLE_NAME and AWS_REGION (plus DYNAMODB_ENDPOINT for DynamoDB Local). Run it while no stream consumer
// is writing the index (in AWS: disable the shortage event source mapping for the run). It reports the
// skills whose stored aggregate differed from the recompute before it replaced them: after a clean
// incremental run, none.
import { join } from 'node:path';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { createServices } from '#app/services.ts';
import { parseConfig } from '#config/config.ts';
import { root } from './compile-commons.ts';
import { foldDemandIndex } from '#domain/shortages/fold.ts';
import { recomputeIndex } from '#domain/shortages/recompute.ts';
import { recordSnapshot } from '#domain/shortages/shortage-use-cases.ts';

const config = parseConfig({
  STAGE: 'local',
  // The script reads and writes the table; it verifies no tokens, so identity settings are placeholders.
  AUTH_ISSUER: 'shortage-recompute',
  AUTH_AUDIENCE: 'shortage-recompute',
  AUTH_JWKS: '{"keys":[{"kty":"oct"}]}',
  LOG_LEVEL: 'error',
  ...process.env,
});
// The commons as it is in this checkout (a deployed function reads the copy compiled into its bundle).
const services = createServices(config, { commons: loadCommons(join(root, 'content')) });
const started = performance.now();
const report = await recomputeIndex(services);
// The recompute writes demand by posted day; fold it at once, as the daily sweep would (fold.ts).
await foldDemandIndex(services);
await recordSnapshot(services);
console.log(
  `Recomputed the shortage index of table "${config.TABLE_NAME}" in ${Math.round(performance.now() - started)} ms: ` +
    `${report.sources} sources (${report.contributing} contributing), ${report.skills} skills; ` +
    `${report.written} items written, ${report.deleted} deleted; ${report.differed.length} skills differed from the stored index`,
);
if (report.differed.length > 0)
  console.log(`  repaired: ${report.differed.slice(0, 20).join(', ')}${report.differed.length > 20 ? ' …' : ''}`);
process.exit(0);
