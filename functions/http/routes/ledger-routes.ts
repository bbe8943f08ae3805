// The Bound ledger's routes (accounts, statements, credit grants) and the registry log's. Every list
// answers a page at a time; a statement's CSV is a page too, of up to 1,000 lines (100 settlements for
// a record's), with the next page's address in a `Link` header: an HTTP API answers a Lambda with
// one buffered body (6 MB at most), so streaming a whole statement would gain nothing and could fail.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { grantPersonCreditCommand, grantSyndicateCreditCommand } from '#app/commands/ledger-commands.ts';
import {
  ledgerOverview,
  personStatement,
  recordStatement,
  syndicateAdoptions,
  syndicateReports,
  syndicateStatement,
} from '#domain/innovations/ledger-use-cases.ts';
import { consistency, inclusion, publishedRecordLog, signedHead } from '#domain/innovations/registry-log-use-cases.ts';
import { recordCsv, statementCsv } from '#domain/innovations/statements.ts';
import { commandRoute, protectedRoute, publicRoute, type ResponseDoc, type RouteResult } from '../route.ts';
import { json, mine } from './answers.ts';
import { adoptionItem, innovation, reportItem } from './innovation-schemas.ts';
import { cursorQuery, idParam as id, minorUnits, wholeNumber } from './params.ts';
import { pageSchema } from './paged.ts';
import { csvHeaders, csvLines, csvSettlements, logIndex } from './queries.ts';

/** A size of the registry log's tree (an entry's index is `logIndex`). */
const treeSize = /* @__PURE__ */ lazySchema(() => wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER }));

/** Entries in one read of the registry log: the index range is the cursor, and this its page size. */
export const logWindow = 1000;

/**
 * A window of the log, `start` inclusive to `end` exclusive. A wider one is refused, not cut short: a
 * client that asked for more than it got could take the short answer for the log's end.
 */
const logWindowQuery = /* @__PURE__ */ lazySchema(() =>
  z.object({ start: z._default(logIndex(), 0), end: z.optional(logIndex()) }).check(
    z.superRefine((query, context) => {
      if (query.end === undefined) return;
      if (query.end < query.start) {
        context.addIssue({
          code: 'custom',
          path: ['end'],
          message: `Give an end no smaller than start (${query.start}).`,
          input: query,
        });
      } else if (query.end - query.start > logWindow) {
        context.addIssue({
          code: 'custom',
          path: ['end'],
          message: `At most ${logWindow} entries a read: give an end of at most ${query.start + logWindow}, then read on from there.`,
          input: query,
        });
      }
    }),
  ),
);

const statementQuery = /* @__PURE__ */ lazySchema(() =>
  z.object({
    format: z
      ._default(z.enum(['json', 'csv']), 'json')
      .check(z.describe('`csv`: a page of up to 1,000 lines, `Link` to the next.')),
    ...cursorQuery(),
  }),
);

const csv = (text: string, name: string, privacy: 'public' | 'private', next: string | undefined): RouteResult => {
  const { 'content-type': contentType, ...headers } = csvHeaders(name, privacy, next, 'format=csv&');
  return { body: text, contentType, headers };
};

const request = (query: z.infer<ReturnType<typeof statementQuery>>, csvLimit: number) => ({
  limit: query.format === 'csv' ? csvLimit : query.pageSize,
  cursor: query.cursor,
});

// What the ledger's lists answer with, for the OpenAPI document only (called from schema factories).
const accountItem = () => z.object({ accountId: z.string(), balance: minorUnits(), limit: minorUnits() });
const statementRow = () =>
  z.object({
    at: z.string(),
    kind: z.enum(['royalty-received', 'royalty-paid', 'implementer-share', 'payment-received', 'payment-sent']),
    // A royalty or a share names its record; a payment names itself, its memo and what it paid, if anything.
    innovationId: z.optional(z.string()),
    title: z.optional(z.string()),
    reportId: z.optional(z.string()),
    syndicateId: z.optional(z.string()),
    paymentId: z.optional(z.string()),
    memo: z.optional(z.string()),
    workLogId: z.optional(z.string()),
    orderId: z.optional(z.string()),
    counterparty: z.string(),
    amount: minorUnits(),
    balance: z.optional(minorUnits()).check(z.describe('The balance after a royalty; none on an implementer’s share.')),
  });
const account = () =>
  z.object({ accountId: z.string(), balance: minorUnits(), limit: minorUnits(), overridden: z.boolean() });
const statementResponse = (extra: () => Record<string, z.ZodMiniType> = () => ({})): ResponseDoc => ({
  description: 'One page of the statement, oldest first (CSV: up to 1,000 lines).',
  schema: () => pageSchema(statementRow(), { account: account(), ...extra() }),
  alternatives: [{ contentType: 'text/csv', schema: () => z.string() }],
});
const syndicate = /* @__PURE__ */ lazySchema(() => z.object({ syndicateId: id() }));

const creditGrantRoute = (kind: 'person' | 'syndicate') =>
  commandRoute(kind === 'person' ? grantPersonCreditCommand : grantSyndicateCreditCommand, {
    method: 'PUT',
    path: kind === 'person' ? '/api/people/{id}/credit-limit' : '/api/syndicates/{id}/credit-limit',
    doc: documented && {
      summary: `Grant ${kind === 'person' ? 'a person' : 'a syndicate'} credit: how far below zero its Bound account may go (stewards; logged with its reason)`,
      tags: ['ledger'],
      responses: {
        200: { description: 'The change, with its registry-log index.' },
        403: { description: 'Only the instance’s stewards grant credit.' },
        404: { description: `No such ${kind}.` },
        422: { description: 'A grant to your own account or a syndicate you belong to (rule `conflict-of-interest`).' },
      },
    },
    respond: (change) => json(change),
  });

export const ledgerRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/ledger',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary:
        'The Bound accounts, by id, a page at a time, with their balances and credit limits (a grant, else the commons’ credit policy); the policy; and the sum of all balances (always zero), kept by every settlement',
      tags: ['ledger'],
      responses: {
        200: {
          description: 'One page of accounts, and the ledger’s totals (amounts in minor units, as strings).',
          schema: () =>
            pageSchema(accountItem(), {
              sum: minorUnits().check(
                z.describe('The sum of every balance: zero, as each settlement and payment moves as much out as in.'),
              ),
              settlements: z.number().check(z.int()),
              payments: z.number().check(z.int()),
              moved: minorUnits(),
              defaultLimit: minorUnits().check(
                z.describe(
                  'What an account without a grant or history may go down to: minus the policy’s default credit.',
                ),
              ),
              creditPolicy: z.nullable(
                z
                  .object({
                    defaultCredit: minorUnits(),
                    tiers: z.array(z.object({ months: z.number().check(z.int()), credit: minorUnits() })),
                    version: z.number().check(z.int()),
                    proposalId: z.string(),
                    enactedAt: z.string(),
                    logIndex: z.number().check(z.int()),
                  })
                  .check(z.describe('The commons’ credit policy as last voted; null before the first vote.')),
              ),
            }),
        },
      },
    },
    async handle({ query, services }) {
      return json(await ledgerOverview(services, { limit: query.pageSize, cursor: query.cursor }));
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/statement',
    auth: 'required',
    input: () => ({ query: statementQuery() }),
    doc: documented && {
      summary: 'My Bound statement, a page at a time (JSON, or CSV with format=csv)',
      tags: ['ledger'],
      responses: { 200: statementResponse() },
    },
    async handle({ query, identity, services }) {
      const statement = await personStatement(services, identity.personId, request(query, csvLines));
      return query.format === 'csv'
        ? csv(statementCsv(statement.items), `bound-${identity.personId}`, 'private', statement.next)
        : json(statement, 200, mine);
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/statement',
    auth: 'none',
    input: () => ({ params: syndicate(), query: statementQuery() }),
    doc: documented && {
      summary: 'A syndicate’s Bound statement, a page at a time (JSON, or CSV with format=csv)',
      tags: ['ledger'],
      responses: {
        200: statementResponse(() => ({ syndicate: z.object({ id: z.string() }) })),
        404: { description: 'No such syndicate.' },
      },
    },
    async handle({ params, query, services }) {
      const statement = await syndicateStatement(services, params.syndicateId, request(query, csvLines));
      return query.format === 'csv'
        ? csv(statementCsv(statement.items), `bound-${params.syndicateId}`, 'public', statement.next)
        : json(statement);
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/adoptions',
    auth: 'none',
    input: () => ({ params: syndicate(), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The records a syndicate adopted, newest first, a page at a time',
      tags: ['ledger'],
      responses: {
        200: { description: 'One page of adoptions.', schema: () => pageSchema(adoptionItem()) },
        404: { description: 'No such syndicate.' },
      },
    },
    async handle({ params, query, services }) {
      return json(
        await syndicateAdoptions(services, params.syndicateId, { limit: query.pageSize, cursor: query.cursor }),
      );
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/reports',
    auth: 'none',
    input: () => ({ params: syndicate(), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The value a syndicate reported, newest first, a page at a time',
      tags: ['ledger'],
      responses: {
        200: { description: 'One page of value reports.', schema: () => pageSchema(reportItem()) },
        404: { description: 'No such syndicate.' },
      },
    },
    async handle({ params, query, services }) {
      return json(
        await syndicateReports(services, params.syndicateId, { limit: query.pageSize, cursor: query.cursor }),
      );
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/innovations/{innovationId}/statement',
    auth: 'none',
    input: () => ({ params: innovation(), query: statementQuery() }),
    doc: documented && {
      summary:
        'What a record’s settlements paid whom, newest settlement first, a page of settlements at a time, with the record’s totals (JSON, or CSV with format=csv: 100 settlements a page)',
      tags: ['ledger'],
      responses: {
        200: {
          description: 'One page of settlements, each with its parts.',
          schema: () =>
            pageSchema(
              z.object({
                reportId: z.string(),
                syndicateId: z.string(),
                at: z.string(),
                value: minorUnits(),
                parts: z.array(z.unknown()),
              }),
              { valueSettled: minorUnits(), royaltiesPaid: minorUnits(), keptByImplementers: minorUnits() },
            ),
          alternatives: [{ contentType: 'text/csv', schema: () => z.string() }],
        },
        404: { description: 'No such published record.' },
      },
    },
    async handle({ params, query, services }) {
      const statement = await recordStatement(services, params.innovationId, request(query, csvSettlements));
      return query.format === 'csv'
        ? csv(
            recordCsv(statement.items.flatMap((settlement) => settlement.parts)),
            `royalties-${params.innovationId}`,
            'public',
            statement.next,
          )
        : json(statement);
    },
  }),
  creditGrantRoute('person'),
  creditGrantRoute('syndicate'),
];

export const registryLogRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/registry-log/head',
    auth: 'none',
    doc: documented && {
      summary: 'The signed tree head (size, root, time, Ed25519 signature) and the public key to check it',
      tags: ['registry-log'],
      responses: { 200: { description: 'The head.' } },
    },
    async handle({ services }) {
      return json(await signedHead(services), 200, { 'cache-control': 'no-cache' });
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/registry-log/entries',
    auth: 'none',
    input: () => ({ query: logWindowQuery() }),
    doc: documented && {
      summary:
        'Entries from start (inclusive) to end (exclusive), at most 1,000: a range of the log by index, which is its own cursor',
      tags: ['registry-log'],
      responses: {
        200: {
          description: 'Entries with their bytes, leaf hashes and the head each produced.',
          schema: () =>
            z.object({
              start: z.number().check(z.int()),
              items: z
                .array(z.looseObject({ index: z.number().check(z.int()), data: z.string(), leafHash: z.string() }))
                .check(
                  z.maxLength(logWindow),
                  z.describe('The entries from start to end that exist: fewer than asked past the log’s end.'),
                ),
            }),
        },
        400: {
          description: 'A start or end that is not a whole number, an end before start, or more than 1,000 apart.',
        },
      },
    },
    async handle({ query, services }) {
      const end = query.end ?? query.start + logWindow;
      const items = await services.registryLog.entries(query.start, end);
      return json({ start: query.start, items });
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/registry-log/proofs/inclusion',
    auth: 'none',
    input: () => ({ query: z.object({ leafIndex: logIndex(), treeSize: z.optional(treeSize()) }) }),
    doc: documented && {
      summary: 'The audit path of an entry in the tree of a given size (default: the current size)',
      tags: ['registry-log'],
      responses: {
        200: { description: 'The proof and the signed head it leads to.' },
        422: { description: 'Out of range.' },
      },
    },
    async handle({ query, services }) {
      return json(await inclusion(services, query.leafIndex, query.treeSize));
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/registry-log/proofs/consistency',
    auth: 'none',
    input: () => ({ query: z.object({ first: treeSize(), second: treeSize() }) }),
    doc: documented && {
      summary: 'The proof that the tree of size first is a prefix of the tree of size second',
      tags: ['registry-log'],
      responses: { 200: { description: 'The proof and both signed heads.' }, 422: { description: 'Out of range.' } },
    },
    async handle({ query, services }) {
      return json(await consistency(services, query.first, query.second));
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/innovations/{innovationId}/log',
    auth: 'none',
    input: () => ({ params: innovation(), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary:
        'A record’s registry-log entries, in log order, a page at a time, each with its inclusion proof checked against the current head',
      tags: ['registry-log'],
      responses: {
        200: {
          description: 'One page of entries and proofs, with the head they were checked against.',
          schema: () =>
            pageSchema(
              z.object({
                entry: z.object({ index: z.number().check(z.int()) }),
                auditPath: z.array(z.string()),
                included: z.boolean(),
              }),
              { treeHead: z.object({ treeSize: z.number().check(z.int()), rootHash: z.string() }) },
            ),
        },
        404: { description: 'No such published record.' },
      },
    },
    async handle({ params, query, services }) {
      return json(
        await publishedRecordLog(services, params.innovationId, { limit: query.pageSize, cursor: query.cursor }),
      );
    },
  }),
];
