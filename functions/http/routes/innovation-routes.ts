import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { paginate } from '#domain/content/course-view.ts';
import { registry, viewInnovation } from '#domain/innovations/innovation-use-cases.ts';
import {
  ledgerOverview,
  personStatement,
  recordStatement,
  syndicateStatement,
} from '#domain/innovations/ledger-use-cases.ts';
import { myInnovations, recordView } from '#domain/innovations/record-view.ts';
import { consistency, inclusion, recordLog, signedHead } from '#domain/innovations/registry-log-use-cases.ts';
import { jsonSafe, recordCsv, statementCsv } from '#domain/innovations/statements.ts';
import { NotFoundError } from '#domain/errors.ts';
import {
  adoptCommand,
  consentCommand,
  createInnovationCommand,
  decideReportCommand,
  publishCommand,
  reportValueCommand,
  settleCommand,
  startCorrectionCommand,
  updateDraftCommand,
} from '#app/commands/innovation-commands.ts';
import { grantPersonCreditCommand, grantSyndicateCreditCommand } from '#app/commands/syndicate-commands.ts';
import { commandRoute, protectedRoute, publicRoute, type RouteResult } from '../route.ts';
import { idParam as id, wholeNumber } from './params.ts';
import { logIndex, registryQuerySchema, versionNumber } from './queries.ts';

const innovation = lazySchema(() => z.object({ innovationId: id() }));
const format = lazySchema(() => z.object({ format: z._default(z.enum(['json', 'csv']), 'json') }));
/** A size of the registry log's tree (an entry's index is `logIndex`). */
const treeSize = lazySchema(() => wholeNumber({ min: 1, max: Number.MAX_SAFE_INTEGER }));
const json = (body: unknown, status = 200, headers?: Record<string, string>): RouteResult => ({
  status,
  body: jsonSafe(body),
  ...(headers ? { headers } : {}),
});
const csv = (text: string, name: string, privacy: 'public' | 'private'): RouteResult => ({
  body: text,
  contentType: 'text/csv; charset=utf-8',
  headers: {
    'content-disposition': `attachment; filename="${name}.csv"`,
    'cache-control': privacy === 'private' ? 'private, no-store' : 'public, max-age=60',
  },
});
const mine = { 'cache-control': 'private, no-store' };

export const innovationRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/innovations',
    auth: 'none',
    input: () => ({ query: registryQuerySchema() }),
    doc: documented && {
      summary: 'The registry: published records, filtered by words in the title, trade, skill, practice and adoption',
      tags: ['innovations'],
      responses: { 200: { description: 'One page of records.' } },
    },
    async handle({ query, services }) {
      return json(paginate(await registry(services, query), query.page, query.pageSize));
    },
  }),
  commandRoute(createInnovationCommand, {
    method: 'POST',
    path: '/api/innovations',
    doc: documented && {
      summary: 'Register an improvement as a private draft; you must be one of its inventors',
      tags: ['innovations'],
      responses: {
        201: { description: 'The draft.' },
        400: { description: 'Malformed, or sets what the server owns.' },
        422: { description: 'Unknown inventors, practice or skills; shares that are not a whole.' },
      },
    },
    respond: (created) => json(created, 201),
  }),
  publicRoute({
    method: 'GET',
    path: '/api/innovations/{innovationId}',
    auth: 'none',
    input: () => ({ params: innovation() }),
    doc: documented && {
      summary: 'A published record: its versions, adopters, value reports and royalty totals',
      tags: ['innovations'],
      responses: { 200: { description: 'The record.' }, 404: { description: 'No such published record.' } },
    },
    async handle({ params, services }) {
      const {
        draft: _none,
        canCorrect: _no,
        consent: _nobody,
        ...view
      } = await recordView(services, params.innovationId, null);
      return json(view);
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/innovations/{innovationId}/versions/{version}',
    auth: 'none',
    input: () => ({ params: z.object({ innovationId: id(), version: versionNumber() }) }),
    doc: documented && {
      summary: 'One published version of a record',
      tags: ['innovations'],
      responses: { 200: { description: 'The version.' }, 404: { description: 'No such published version.' } },
    },
    async handle({ params, services }) {
      const { published } = await viewInnovation(services, params.innovationId, null);
      const version = published.find((v) => v.version === params.version);
      if (!version) throw new NotFoundError('version', String(params.version));
      return json(version);
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/innovations/{innovationId}/draft',
    auth: 'required',
    input: () => ({ params: innovation() }),
    doc: documented && {
      summary: 'The draft of a record, for the people it names (invited too) and the inventors it corrects',
      tags: ['innovations'],
      responses: {
        200: { description: 'The draft, with `consent`: your role, who must accept its terms and who has not yet.' },
        404: { description: 'No draft that names you.' },
      },
    },
    async handle({ params, identity, services }) {
      const { draft, consent } = await viewInnovation(services, params.innovationId, identity);
      if (!draft) throw new NotFoundError('draft', params.innovationId);
      return json({ ...draft, consent }, 200, mine);
    },
  }),
  commandRoute(updateDraftCommand, {
    method: 'PUT',
    path: '/api/innovations/{innovationId}/draft',
    doc: documented && {
      summary:
        'Edit a draft (its inventors). Changing the inventors or shares asks everyone to accept again; naming someone invites them',
      tags: ['innovations'],
      responses: {
        200: { description: 'Saved.' },
        403: { description: 'You are invited: accept the invitation before you edit.' },
        404: { description: 'No draft that names you.' },
        409: { description: 'Changed meanwhile.' },
      },
    },
    respond: (saved) => json(saved),
  }),
  commandRoute(startCorrectionCommand, {
    method: 'POST',
    path: '/api/innovations/{innovationId}/corrections',
    doc: documented && {
      summary: 'Start a correction: a new draft version that replaces the published one when published',
      tags: ['innovations'],
      responses: { 201: { description: 'The correction draft.' }, 404: { description: 'Not a record of yours.' } },
    },
    respond: (started) => json(started, 201),
  }),
  commandRoute(publishCommand, {
    method: 'POST',
    path: '/api/innovations/{innovationId}/publication',
    doc: documented && {
      summary: 'Publish the draft: public and immutable from now on, and appended to the registry log',
      tags: ['innovations'],
      responses: {
        200: { description: 'Published.' },
        404: { description: 'No draft that names you.' },
        422: {
          description:
            'Nothing to publish (rule `nothing-to-publish`), or someone has not accepted the inventors and shares yet (rule `consent-needed`, the detail names them).',
        },
      },
    },
    respond: (published) => json(published),
  }),
  commandRoute(consentCommand, {
    method: 'PUT',
    path: '/api/innovations/{innovationId}/draft/consent',
    doc: documented && {
      summary:
        'Accept the draft’s inventors and shares, or decline and leave it (your own answer only; the others must then accept the new shares)',
      tags: ['innovations'],
      responses: {
        200: {
          description: 'Accepted: the draft as it now stands. Declined: you are no longer named, and see it no more.',
        },
        404: { description: 'No draft that names you, or the published version it corrects.' },
        409: { description: 'The inventors or shares changed after the revision you read: read them again.' },
        422: {
          description:
            'Declining refused: you are the last inventor who joined (rule `last-inventor`), or an inventor of the published version (rule `published-inventor`).',
        },
      },
    },
    respond: (answer) => json(answer, 200, mine),
  }),
  commandRoute(adoptCommand, {
    method: 'PUT',
    path: '/api/innovations/{innovationId}/adoptions/{syndicateId}',
    doc: documented && {
      summary: 'Record that your syndicate implements a record, naming the implementers (admins; once)',
      tags: ['innovations'],
      responses: {
        201: { description: 'Adopted.' },
        200: { description: 'Adopted already: the first adoption.' },
        404: { description: 'No such record, or not your syndicate.' },
        422: { description: 'An implementer is not an active member of the syndicate.' },
      },
    },
    respond: (result) => json(result, result.created ? 201 : 200),
  }),
  commandRoute(reportValueCommand, {
    method: 'POST',
    path: '/api/innovations/{innovationId}/adoptions/{syndicateId}/reports',
    doc: documented && {
      summary: 'Report the value realised over a period, in Bound minor units (the adopting syndicate’s admins)',
      tags: ['innovations'],
      responses: {
        201: { description: 'Reported.' },
        404: { description: 'No adoption of yours.' },
        422: {
          description:
            'The period ends in the future or overlaps one reported already; or you are an inventor and nobody unconflicted could decide it (rule `conflict-of-interest`).',
        },
      },
    },
    respond: (reported) => json(reported, 201),
  }),
  commandRoute(decideReportCommand, {
    method: 'PUT',
    path: '/api/innovations/{innovationId}/reports/{reportId}/decision',
    doc: documented && {
      summary:
        'Confirm (and settle, once confirmed) or dispute a value report: its inventors, or an admin of the syndicate who is neither inventor nor reporter',
      tags: ['innovations'],
      responses: {
        200: {
          description:
            'Decided. A report still pending lists in `awaiting` what it waits for (more than half of the shares, a decision by someone who does not stand on both sides); `settlementRefused` says why a confirmed report is not settled yet.',
        },
        403: { description: 'You made this report: others decide it.' },
        404: { description: 'No such report for you.' },
        422: { description: 'Already decided, or the window closed.' },
      },
    },
    respond: (decided) => json(decided),
  }),
  commandRoute(settleCommand, {
    method: 'POST',
    path: '/api/innovations/{innovationId}/reports/{reportId}/settlement',
    doc: documented && {
      summary: 'Settle a confirmed report on the Bound ledger (its inventors or the syndicate’s admins; idempotent)',
      tags: ['innovations'],
      responses: {
        200: { description: 'Settled (now, or before).' },
        404: { description: 'No such report for you.' },
        422: { description: 'Not confirmed, or a credit limit refuses it (rule `credit-limit`).' },
      },
    },
    respond: (settled) => json(settled),
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/innovations',
    auth: 'required',
    doc: documented && {
      summary:
        'My records (drafts included), the drafts waiting for me to accept them, and the value reports awaiting my decision',
      tags: ['innovations'],
      responses: { 200: { description: 'Records, invitations and reports.' } },
    },
    async handle({ identity, services }) {
      return json(await myInnovations(services, identity), 200, mine);
    },
  }),
];

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
    doc: documented && {
      summary: 'Every Bound account with its balance and credit limit; the balances always sum to zero',
      tags: ['ledger'],
      responses: { 200: { description: 'Accounts (amounts in minor units, as strings).' } },
    },
    async handle({ services }) {
      return json(await ledgerOverview(services));
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/statement',
    auth: 'required',
    input: () => ({ query: format() }),
    doc: documented && {
      summary: 'My Bound statement (JSON, or CSV with format=csv)',
      tags: ['ledger'],
      responses: { 200: { description: 'The statement.', contentType: 'text/csv' } },
    },
    async handle({ query, identity, services }) {
      const statement = await personStatement(services, identity.personId);
      return query.format === 'csv'
        ? csv(statementCsv(statement.rows), `bound-${identity.personId}`, 'private')
        : json(statement, 200, mine);
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/statement',
    auth: 'none',
    input: () => ({ params: z.object({ syndicateId: id() }), query: format() }),
    doc: documented && {
      summary: 'A syndicate’s Bound statement (JSON, or CSV with format=csv)',
      tags: ['ledger'],
      responses: { 200: { description: 'The statement.' }, 404: { description: 'No such syndicate.' } },
    },
    async handle({ params, query, services }) {
      const { titles: _titles, ...statement } = await syndicateStatement(services, params.syndicateId);
      return query.format === 'csv'
        ? csv(statementCsv(statement.rows), `bound-${params.syndicateId}`, 'public')
        : json(statement);
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/innovations/{innovationId}/statement',
    auth: 'none',
    input: () => ({ params: innovation(), query: format() }),
    doc: documented && {
      summary: 'What a record’s settlements paid whom (JSON, or CSV with format=csv)',
      tags: ['ledger'],
      responses: { 200: { description: 'The statement.' }, 404: { description: 'No such published record.' } },
    },
    async handle({ params, query, services }) {
      const statement = await recordStatement(services, params.innovationId);
      return query.format === 'csv'
        ? csv(recordCsv(statement.parts), `royalties-${params.innovationId}`, 'public')
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
    input: () => ({ query: z.object({ start: z._default(logIndex(), 0), end: z.optional(logIndex()) }) }),
    doc: documented && {
      summary: 'Entries from start (inclusive) to end (exclusive), at most 1,000',
      tags: ['registry-log'],
      responses: { 200: { description: 'Entries with their bytes, leaf hashes and the head each produced.' } },
    },
    async handle({ query, services }) {
      const end = query.end ?? query.start + 1000;
      const items = await services.registryLog.entries(query.start, Math.min(end, query.start + 1000));
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
    input: () => ({ params: innovation() }),
    doc: documented && {
      summary: 'A record’s registry-log entries, each with its inclusion proof checked against the current head',
      tags: ['registry-log'],
      responses: { 200: { description: 'Entries and proofs.' }, 404: { description: 'No such published record.' } },
    },
    async handle({ params, services }) {
      await viewInnovation(services, params.innovationId, null);
      return json(await recordLog(services, params.innovationId));
    },
  }),
];
