// `npm run reindex`: rebuild a search index from a table, then reconcile. Point it at the table with
// TABLE_NAME and AWS_REGION (plus DYNAMODB_ENDPOINT for DynamoDB Local) and at Meilisearch with
// MEILISEARCH_URL and MEILISEARCH_KEY. ESCO's skills (content/esco/esco.json.gz) are indexed too, and
// those a newer data file dropped are removed (the reindex after a deploy only adds and replaces them). Without MEILISEARCH_URL it builds an embedded index in this
// process, which proves the table and the commons index cleanly (the running server rebuilds its own
// embedded index on every start).
import { join } from 'node:path';
import { readEscoFile } from '#adapters/content/esco-file.ts';
import { loadCommons } from '#adapters/content/load-commons.ts';
import { createServices } from '#app/services.ts';
import { reindex } from '#app/search-sync.ts';
import { parseConfig } from '#config/config.ts';
import { root } from './compile-commons.ts';

const config = parseConfig({
  STAGE: 'local',
  // The script reads and indexes; it verifies no tokens, so identity settings are placeholders.
  AUTH_ISSUER: 'reindex',
  AUTH_AUDIENCE: 'reindex',
  AUTH_JWKS: '{"keys":[{"kty":"oct"}]}',
  LOG_LEVEL: 'warn',
  ...process.env,
});
const started = performance.now();
// The commons as it is in this checkout (a deployed function reads the copy compiled into its bundle).
const services = createServices(config, { commons: loadCommons(join(root, 'content')) });
// Meilisearch's settings are applied by the adapter itself, before its first write (settings-guard.ts).
const report = await reindex(services, readEscoFile(join(root, 'content/esco/esco.json.gz')));
const differences = report.missing.length + report.extra.length + report.stale.length;
console.log(
  `Indexed ${report.indexed} documents (${report.expected} expected) into ${config.MEILISEARCH_URL ? `Meilisearch at ${config.MEILISEARCH_URL}` : 'an embedded index'} in ${Math.round(performance.now() - started)} ms; reconcile: ${differences} differences`,
);
for (const [kind, ids] of Object.entries({ missing: report.missing, extra: report.extra, stale: report.stale })) {
  if (ids.length > 0) console.log(`  ${kind}: ${ids.slice(0, 20).join(', ')}${ids.length > 20 ? ' …' : ''}`);
}
process.exit(differences === 0 ? 0 : 1);
