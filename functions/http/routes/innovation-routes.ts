// The innovation registry's routes: records, drafts and their consent, adoptions and value reports.
// The ledger and the registry log answer in ledger-routes.ts.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { viewInnovation } from '#domain/innovations/innovation-use-cases.ts';
import { myInnovations, recordView, reportsOf } from '#domain/innovations/record-view.ts';
import { registry } from '#domain/innovations/registry.ts';
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
import { commandRoute, protectedRoute, publicRoute } from '../route.ts';
import { json, mine } from './answers.ts';
import { adoptionItem, innovation, recordItem, reportItem } from './innovation-schemas.ts';
import { cursorQuery, idParam as id } from './params.ts';
import { pageSchema } from './paged.ts';
import { registryQuerySchema, versionNumber } from './queries.ts';

const page = (request: { pageSize: number; cursor?: string | undefined }) => ({
  limit: request.pageSize,
  cursor: request.cursor,
});

export const innovationRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/innovations',
    auth: 'none',
    input: () => ({ query: registryQuerySchema() }),
    doc: documented && {
      summary:
        'The registry: published records, newest first, a page at a time, filtered by words in the title, trade, skill, practice and adoption (while search is down, without the words: `searchDown`)',
      tags: ['innovations'],
      responses: {
        200: {
          description: 'One page of records.',
          schema: () => pageSchema(recordItem(), { searchDown: z.boolean() }),
        },
        400: { description: 'A filter or a cursor that is not one.' },
      },
    },
    async handle({ query, services }) {
      return json(await registry(services, query, page(query)));
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
      summary:
        'A published record: its versions (at most 50), the first page of its adopters and of its value reports (more at …/adoptions and …/reports), and its royalty totals',
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
    path: '/api/innovations/{innovationId}/adoptions',
    auth: 'none',
    input: () => ({ params: innovation(), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The syndicates that adopted a published record, by syndicate id, a page at a time',
      tags: ['innovations'],
      responses: {
        200: { description: 'One page of adoptions.', schema: () => pageSchema(adoptionItem()) },
        404: { description: 'No such published record.' },
      },
    },
    async handle({ params, query, services }) {
      await viewInnovation(services, params.innovationId, null);
      return json(await services.innovations.adoptionsPage(params.innovationId, page(query)));
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/innovations/{innovationId}/reports',
    auth: 'none',
    input: () => ({ params: innovation(), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'The value reported on a published record, newest first, a page at a time',
      tags: ['innovations'],
      responses: {
        200: { description: 'One page of value reports.', schema: () => pageSchema(reportItem()) },
        404: { description: 'No such published record.' },
      },
    },
    async handle({ params, query, services }) {
      await viewInnovation(services, params.innovationId, null);
      return json(await reportsOf(services, params.innovationId, page(query)));
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
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary:
        'My records (drafts included), newest first, a page at a time; with the drafts among them waiting for me to accept them, and the value reports on them awaiting my decision',
      tags: ['innovations'],
      responses: {
        200: {
          description:
            'One page of records, with `invitations` and `awaiting` for the records of this page (each record: among its 20 newest reports).',
          schema: () => pageSchema(recordItem(), { invitations: z.array(z.unknown()), awaiting: z.array(z.unknown()) }),
        },
      },
    },
    async handle({ identity, query, services }) {
      return json(await myInnovations(services, identity, page(query)), 200, mine);
    },
  }),
];
