// Runs after every deploy (a CDK trigger): indexes the commons shipped with this deploy and
// rebuilds the index from the table, then reports what still differs (it should be nothing).
import { createSearchIndex } from '#app/search-index.ts';
import { reindex } from '#app/search-sync.ts';
import { getStoreServices } from '#app/store-services.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

export const handler = lambdaHandler(
  () => getStoreServices().telemetry,
  async () => {
    const store = getStoreServices();
    const services = { ...store, search: createSearchIndex(store.config) };
    // Meilisearch's settings (searchable order, filters, synonyms) are part of the deploy too: the adapter
    // compares and applies them before its first write (settings-guard.ts).
    const report = await reindex(services);
    services.log.info('reindexed', {
      ...report,
      missing: report.missing.length,
      extra: report.extra.length,
      stale: report.stale.length,
    });
    return report;
  },
);
