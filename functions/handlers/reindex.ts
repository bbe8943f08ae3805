// Lambda entry point for the reindex queue: one step a message (one page of the table, or the
// commons), which queues the next. The deploy starts it only when the index version or the commons
// change (infra/constructs/search-reindex.ts). A failing step throws: SQS retries it from the same
// cursor, then parks it in the dead-letter queue, from where a redrive resumes.
import type { SQSEvent } from 'aws-lambda';
import { reindexStepSchema, runReindexStep } from '#app/reindex-pages.ts';
import { createReindexDependencies } from '#app/reindex-services.ts';
import { once } from '#app/secrets.ts';
import { getTelemetry } from '#app/store-services.ts';
import { lambdaHandler } from '#platform/telemetry.ts';

const dependencies = once(createReindexDependencies);

export const handler = lambdaHandler(getTelemetry, async (event: SQSEvent) => {
  const deps = await dependencies();
  // The event source delivers one message at a time, so a failure retries exactly that step.
  for (const record of event.Records) {
    await runReindexStep(deps, reindexStepSchema().parse(JSON.parse(record.body)));
  }
});
