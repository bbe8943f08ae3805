// Witnessing registry logs (issue 20). The stewards' list of the logs this instance witnesses (public,
// like every decision of the stewards), the statements it made about them, and what other instances'
// witnesses said about this log: cosignatures, by size, and fork reports, which they POST here.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { unwitnessLogCommand, witnessLogCommand } from '#app/commands/federation-commands.ts';
import { witnessReportDependencies } from '#app/witness.ts';
import { ForbiddenError, RateLimitedError } from '#domain/errors.ts';
import { receiveWitnessReport, witnessReportSchema } from '#domain/federation/witness-reports.ts';
import type { WitnessedLog } from '#domain/federation/witnessing.ts';
import { emptyHead } from '#domain/innovations/log-head.ts';
import { lazySchema } from '#domain/zod.ts';
import { commandRoute, publicRoute } from '../route.ts';
import { json } from './answers.ts';
import { cursorQuery, wholeNumber } from './params.ts';
import { pageBody, pageSchema } from './paged.ts';

const witnessedPath = '/api/federation/witnessed-logs/{host}';
const head = () =>
  z.object({ treeSize: z.number(), rootHash: z.string(), timestamp: z.number(), signature: z.string() });
const cosignature = () =>
  z.object({ treeSize: z.number(), rootHash: z.string(), time: z.number(), signature: z.string() });
const fork = () =>
  z.object({ reason: z.string(), seen: head(), served: head(), time: z.number(), signature: z.string() });
const witnessedLog = () =>
  z.object({
    host: z.string(),
    publicKey: z.looseObject({}).check(z.describe('The log’s Ed25519 key (JWK), pinned when it was added.')),
    addedBy: z.string(),
    addedAt: z.string(),
    lastHead: z.optional(head()),
    cosignature: z.optional(cosignature()),
    fork: z.optional(fork()),
    checkedAt: z.optional(z.string()),
    problem: z.optional(z.string()),
  });
const treeSizeQuery = /* @__PURE__ */ lazySchema(() => ({
  treeSize: z.optional(
    wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER }).check(
      z.describe('The head’s size; the current one if none.'),
    ),
  ),
}));

/** A witnessed log as the statements this instance made about it (origin = the log's host). */
function statementsOf(log: WitnessedLog) {
  return {
    origin: log.host,
    ...(log.cosignature ? { cosignature: log.cosignature } : {}),
    ...(log.fork ? { fork: log.fork } : {}),
    ...(log.checkedAt ? { checkedAt: log.checkedAt } : {}),
  };
}

export const witnessedLogRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/federation/witnessed-logs',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary:
        'The registry logs this instance witnesses, by host, a page at a time: each pinned key, last head cosigned, or fork seen',
      tags: ['federation'],
      responses: { 200: { description: 'One page of witnessed logs.', schema: () => pageSchema(witnessedLog()) } },
    },
    async handle({ query, services }) {
      const page = await services.witnessedLogs.page({ limit: query.pageSize, cursor: query.cursor });
      return json(pageBody(page, (item) => item));
    },
  }),
  commandRoute(witnessLogCommand, {
    method: 'PUT',
    path: witnessedPath,
    doc: documented && {
      summary:
        'Witness a remote instance’s registry log (stewards): its head is fetched now and its key pinned; adding it again changes nothing',
      tags: ['federation'],
      responses: {
        200: { description: 'The witnessed log, with its pinned key.', schema: witnessedLog },
        403: { description: 'Only the commons’ stewards choose the logs to witness.' },
        422: { description: 'No registry log could be read at that host, or it is this instance’s own.' },
      },
    },
    respond: (kept) => json(kept),
  }),
  commandRoute(unwitnessLogCommand, {
    method: 'DELETE',
    path: witnessedPath,
    doc: documented && {
      summary: 'Stop witnessing a remote instance’s registry log (stewards)',
      tags: ['federation'],
      responses: {
        204: { description: 'No longer witnessed.' },
        403: { description: 'Only the commons’ stewards choose the logs to witness.' },
        404: { description: 'That log is not witnessed.' },
      },
    },
    respond: () => ({ status: 204 }),
  }),
];

export const witnessReportRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/registry-log/witnesses',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary:
        'The statements this instance made as a witness of other logs, by log, a page at a time: its latest cosignature (C2SP tlog-cosignature), or the fork it saw',
      tags: ['registry-log'],
      responses: {
        200: {
          description: 'One page of statements; each is signed with the key GET /api/registry-log/head publishes.',
          schema: () =>
            pageSchema(
              z.object({
                origin: z.string(),
                cosignature: z.optional(cosignature()),
                fork: z.optional(fork()),
                checkedAt: z.optional(z.string()),
              }),
            ),
        },
      },
    },
    async handle({ query, services }) {
      const page = await services.witnessedLogs.page({ limit: query.pageSize, cursor: query.cursor });
      return json(pageBody(page, statementsOf), 200, { 'cache-control': 'no-cache' });
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/registry-log/cosignatures',
    auth: 'none',
    input: () => ({ query: z.object({ ...treeSizeQuery(), ...cursorQuery() }) }),
    doc: documented && {
      summary: 'Other instances’ cosignatures of this log’s head of one size (the current one by default), by witness',
      tags: ['registry-log'],
      responses: {
        200: {
          description: 'The size, and one page of its cosignatures, each checked against its witness’s key.',
          schema: () =>
            z.object({
              treeSize: z.number(),
              ...pageSchema(
                z.object({
                  witness: z.string(),
                  treeSize: z.number(),
                  rootHash: z.string(),
                  time: z.number(),
                  signature: z.string(),
                  receivedAt: z.string(),
                }),
              ).shape,
            }),
        },
      },
    },
    async handle({ query, services }) {
      const size = query.treeSize ?? ((await services.registryLog.head()) ?? emptyHead()).treeSize;
      const page = await services.witnessReports.cosignatures(size, { limit: query.pageSize, cursor: query.cursor });
      return json({ treeSize: size, ...pageBody(page, (item) => item) }, 200, { 'cache-control': 'no-cache' });
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/registry-log/forks',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary:
        'Forks of this log that other instances’ witnesses reported: two heads both signed with this log’s key that cannot both be true',
      tags: ['registry-log'],
      responses: {
        200: {
          description: 'One page of fork reports, by witness; none while the log is sound.',
          schema: () => pageSchema(z.looseObject({ witness: z.string(), reason: z.string(), receivedAt: z.string() })),
        },
      },
    },
    async handle({ query, services }) {
      const page = await services.witnessReports.forks({ limit: query.pageSize, cursor: query.cursor });
      return json(
        pageBody(page, (item) => item),
        200,
        { 'cache-control': 'no-cache' },
      );
    },
  }),
  publicRoute({
    method: 'POST',
    path: '/api/registry-log/cosignatures',
    auth: 'none',
    input: () => ({ body: witnessReportSchema() }),
    doc: documented && {
      summary:
        'A witness instance hands over its cosignature of this log’s head, or its report of a fork; it is kept only once checked',
      tags: ['registry-log'],
      responses: {
        200: { description: 'Kept, as it will be shown.' },
        400: { description: 'Not a cosignature or fork report, or a field it does not take.' },
        403: { description: 'The witness’s instance is blocked.' },
        422: {
          description:
            'The signature is not the witness’s, its key could not be read, the root is not this log’s, or the fork does not hold.',
        },
        429: { description: 'That witness sent too many reports this minute.' },
      },
    },
    async handle({ body, services }) {
      const blocked = await services.instanceBlocks.firstBlocked([body.witness, body.witness.replace(/:\d+$/, '')]);
      if (blocked) {
        throw new ForbiddenError(`This instance does not accept reports from ${blocked.host}.`);
      }
      if (services.rateLimiter) {
        const verdict = await services.rateLimiter.take(`witness#${body.witness}`, services.now());
        if (!verdict.allowed) {
          throw new RateLimitedError(
            verdict.retryAfterSeconds,
            `${body.witness} has sent too many reports this minute; try again in ${verdict.retryAfterSeconds} seconds.`,
          );
        }
      }
      return json(await receiveWitnessReport(witnessReportDependencies(services), body));
    },
  }),
];
