// Runs on an EventBridge schedule every ten minutes (infra/federation-stack.ts): one witness run over the
// registry logs this instance's stewards chose to witness (app/witness.ts `witnessRun`; what a run does:
// domain/federation/witnessing.ts). It reads the table, fetches each log's head and proof through the
// guarded fetch, and signs its statements with this instance's own log key (CREDENTIAL_SIGNING_KEY, read
// from its secret once per cold start). A fork is logged at warn as `registry-log fork`, the line the
// stack's metric filter counts and alarms on. Its own function: the guarded fetch (node:http) stays out of
// the sweep's bundle, and no Fedify comes along (the heads are fetched unsigned, so no ActivityPub key).
import { loadConfig, once } from '#app/secrets.ts';
import { createStoreServices, getTelemetry } from '#app/store-services.ts';
import { witnessRun } from '#app/witness.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

/** The services with the log key read from its secret: once per cold start, tried again after a failure. */
const services = once(async () => createStoreServices(await loadConfig(), { telemetry: getTelemetry() }));

export const handler = lambdaHandler(getTelemetry, async () => {
  const outcomes = Object.fromEntries(await witnessRun(await services()));
  // A log that could not be read is kept with its problem and tried again next run: that is no failure
  // of the run, which would only be retried into the same answer. A store or key error throws.
  return { witnessed: Object.keys(outcomes).length, outcomes };
});
