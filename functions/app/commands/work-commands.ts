// Pay for work: logging hours and deciding on them, each a command, so the API and the site's forms
// make them through one edge (write limit, schemas, idempotency key, use case).
import * as z from 'zod/mini';
import { idSchema } from '#domain/ids.ts';
import { workDecisionSchema, workLogInputSchema } from '#domain/work/work-log.ts';
import { decideWork, logWork } from '#domain/work/work-log-use-cases.ts';
import { command } from './command.ts';

export const logWorkCommand = command({
  name: 'work.log',
  input: () => ({ body: workLogInputSchema() }),
  run: ({ services, identity, body }) => logWork(services, identity, body),
});

export const decideWorkCommand = command({
  name: 'work.decide',
  input: () => ({ params: z.object({ workLogId: idSchema() }), body: workDecisionSchema() }),
  run: ({ services, identity, params, body }) => decideWork(services, identity, params.workLogId, body),
  // An approval found paid already (a repeat, or a racer that lost) moved nothing this time.
  counts: ({ output }) => (output.paidNow ? 'payments' : undefined),
});
