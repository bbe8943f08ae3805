// Pay for work: members log hours for their syndicate; its admins approve them (the syndicate pays
// hours × the rate card's rate, once) or reject them; each side's list, a page at a time.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { decideWorkCommand, logWorkCommand } from '#app/commands/work-commands.ts';
import { awaitingWork, myWorkLogs, viewWorkLog } from '#domain/work/work-log-use-cases.ts';
import { commandRoute, protectedRoute } from '../route.ts';
import { json, mine } from './answers.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, idParam as id, minorUnits } from './params.ts';

// What the routes answer with, for the OpenAPI document only (called from schema factories).
const workLogItem = () =>
  z.object({
    id: z.string(),
    syndicateId: z.string(),
    personId: z.string(),
    for: z.object({ kind: z.literal('position'), openingId: z.string() }),
    date: z.string(),
    hours: z.number(),
    skillId: z.optional(z.string()),
    level: z.optional(z.enum(['foundation', 'working', 'proficient'])),
    service: z.string(),
    note: z.string(),
    status: z.enum(['awaiting', 'approved', 'rejected']),
    createdAt: z.string(),
    decidedBy: z.optional(z.string()),
    decidedAt: z.optional(z.string()),
    reason: z.optional(z.string()),
    hourlyRate: z.optional(minorUnits()),
    unpleasant: z.optional(z.boolean()),
    amount: z.optional(minorUnits()),
    paymentId: z.optional(z.string()),
  });

export const workRoutes = [
  commandRoute(logWorkCommand, {
    method: 'POST',
    path: '/api/work-logs',
    doc: documented && {
      summary:
        'Log hours (quarter hours, at most 24 a day) worked for a syndicate you are a member of, against a position you fill, at a line of its rate card; send an Idempotency-Key so a retry logs once',
      tags: ['ledger'],
      responses: {
        201: { description: 'The log, awaiting approval.', schema: workLogItem },
        400: {
          description:
            'A field the request does not take; hours that are not quarter hours above zero and at most 24; a skill without its level.',
        },
        403: { description: 'You are not a member of the syndicate.' },
        404: { description: 'No such syndicate.' },
        422: {
          description:
            'A position you do not fill, a future date, a rate-card line that does not exist or is not in Bound per hour (each naming its field), or a day that would hold more than 24 hours (rule `hours-per-day`).',
        },
      },
    },
    respond: (log) => json(log, 201, mine),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/work-logs/{workLogId}',
    auth: 'required',
    input: () => ({ params: z.object({ workLogId: id() }) }),
    doc: documented && {
      summary: 'A work log (its member and the syndicate’s admins only)',
      tags: ['ledger'],
      responses: {
        200: { description: 'The log.', schema: workLogItem },
        404: { description: 'No such log that is yours or your syndicate’s.' },
      },
    },
    async handle({ params, identity, services }) {
      return json(await viewWorkLog(services, identity, params.workLogId), 200, mine);
    },
  }),
  commandRoute(decideWorkCommand, {
    method: 'PUT',
    path: '/api/work-logs/{workLogId}/decision',
    doc: documented && {
      summary:
        'Approve logged hours (the syndicate pays the member hours × the rate card’s rate, 1.5× where unpleasant, once) or reject them with a reason; an admin of the syndicate, never for their own hours',
      tags: ['ledger'],
      responses: {
        200: { description: 'The log, and the payment when approved.' },
        400: { description: 'A decision that is not `approve`, or `reject` without a reason.' },
        403: { description: 'You are not an admin of the syndicate.' },
        404: { description: 'No such log that is yours or your syndicate’s.' },
        409: { description: 'The hours were rejected already, or approved already (for a rejection).' },
        422: {
          description:
            'Your own hours (rule `conflict-of-interest`), past the syndicate’s credit limit (rule `credit-limit`; the log still awaits approval), or no line of the rate card pays the work now (rule `no-rate`).',
        },
      },
    },
    respond: (output) => json(output, 200, mine),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/work-logs',
    auth: 'required',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The hours you logged, newest first, a page at a time',
      tags: ['ledger'],
      responses: { 200: { description: 'One page of work logs.', schema: () => pageSchema(workLogItem()) } },
    },
    async handle({ query, identity, services }) {
      return json(await myWorkLogs(services, identity, { limit: query.pageSize, cursor: query.cursor }), 200, mine);
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/work-logs',
    auth: 'required',
    input: () => ({ params: z.object({ syndicateId: id() }), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'A syndicate’s logged hours awaiting approval, oldest first, a page at a time (its admins)',
      tags: ['ledger'],
      responses: {
        200: { description: 'One page of work logs.', schema: () => pageSchema(workLogItem()) },
        404: { description: 'No syndicate you are an admin of.' },
      },
    },
    async handle({ params, query, identity, services }) {
      const page = { limit: query.pageSize, cursor: query.cursor };
      return json(await awaitingWork(services, identity, params.syndicateId, page), 200, mine);
    },
  }),
];
