import * as z from 'zod';
import { tradeIds } from '#domain/content/commons.ts';
import { paginate } from '#domain/content/course-view.ts';
import { applicationNoteSchema } from '#domain/openings/application.ts';
import { openingInputSchema } from '#domain/openings/opening.ts';
import {
  apply,
  board,
  changeOpeningStatus,
  createOpening,
  decideApplication,
  myApplications,
  rankedApplicants,
  updateOpening,
  publicOpening,
  withdraw,
} from '#domain/openings/opening-use-cases.ts';
import { slugSchema, syndicateInputSchema } from '#domain/syndicates/syndicate.ts';
import {
  changeRole,
  createSyndicate,
  decideMembership,
  findSyndicate,
  leaveSyndicate,
  requestToJoin,
  requireAdmin,
  updateSyndicate,
} from '#domain/syndicates/syndicate-use-cases.ts';
import { protectedRoute, publicRoute } from '../route.ts';
import { idParam as id, pageQuery } from './params.ts';

export const boardQuerySchema = z.object({
  skill: id.optional(),
  trade: z.enum(tradeIds).optional(),
  place: z.string().min(1).max(80).optional(),
  remote: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  payUnit: z
    .string()
    .regex(/^(BOUND|HOURS|[A-Z]{3})$/)
    .optional(),
  ...pageQuery,
});

export const syndicateRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/syndicates',
    summary: 'Every syndicate, by name',
    tags: ['syndicates'],
    auth: 'none',
    query: z.object(pageQuery),
    responses: { 200: { description: 'One page of syndicates.' } },
    async handle({ query, services }) {
      return { body: paginate(await services.syndicates.list(), query.page, query.pageSize) };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}',
    summary: 'A syndicate: who they are, where, and their rate card',
    tags: ['syndicates'],
    auth: 'none',
    params: z.object({ syndicateId: id }),
    responses: { 200: { description: 'The syndicate.' }, 404: { description: 'No such syndicate.' } },
    async handle({ params, services }) {
      return { body: await findSyndicate(services, params.syndicateId) };
    },
  }),
  protectedRoute({
    method: 'POST',
    path: '/api/syndicates',
    summary: 'Found a syndicate; you become its first admin',
    tags: ['syndicates'],
    auth: 'required',
    body: z.strictObject({ id: slugSchema, ...syndicateInputSchema.shape }),
    responses: { 201: { description: 'Created.' }, 409: { description: 'The id is taken.' } },
    async handle({ body, identity, services }) {
      const { id: syndicateId, ...input } = body;
      return { status: 201, body: await createSyndicate(services, identity, syndicateId, input) };
    },
  }),
  protectedRoute({
    method: 'PUT',
    path: '/api/syndicates/{syndicateId}',
    summary: 'Edit a syndicate (admins)',
    tags: ['syndicates'],
    auth: 'required',
    params: z.object({ syndicateId: id }),
    body: syndicateInputSchema,
    responses: { 200: { description: 'Updated.' }, 404: { description: 'No such syndicate of yours.' } },
    async handle({ params, body, identity, services }) {
      return { body: await updateSyndicate(services, identity, params.syndicateId, body) };
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/members',
    summary: 'Members and pending requests (admins)',
    tags: ['syndicates'],
    auth: 'required',
    params: z.object({ syndicateId: id }),
    responses: { 200: { description: 'Memberships.' }, 404: { description: 'No such syndicate of yours.' } },
    async handle({ params, identity, services }) {
      await requireAdmin(services, params.syndicateId, identity);
      return { body: { items: await services.syndicates.listMemberships(params.syndicateId) } };
    },
  }),
  protectedRoute({
    method: 'POST',
    path: '/api/syndicates/{syndicateId}/join-requests',
    summary: 'Ask to join a syndicate (a repeat returns the same request)',
    tags: ['syndicates'],
    auth: 'required',
    params: z.object({ syndicateId: id }),
    responses: { 201: { description: 'Requested (or already a member).' }, 404: { description: 'No such syndicate.' } },
    async handle({ params, identity, services }) {
      return { status: 201, body: await requestToJoin(services, identity, params.syndicateId) };
    },
  }),
  protectedRoute({
    method: 'PUT',
    path: '/api/syndicates/{syndicateId}/members/{personId}',
    summary: 'Approve or decline a request, or change a member’s role (admins)',
    tags: ['syndicates'],
    auth: 'required',
    params: z.object({ syndicateId: id, personId: z.string().min(1).max(128) }),
    body: z.union([
      z.strictObject({ decision: z.enum(['approve', 'decline']) }),
      z.strictObject({ role: z.enum(['admin', 'member']) }),
    ]),
    responses: {
      200: { description: 'The membership.' },
      404: { description: 'No such request or member.' },
      409: { description: 'Already decided.' },
      422: { description: 'Would leave no admin.' },
    },
    async handle({ params, body, identity, services }) {
      const membership =
        'decision' in body
          ? await decideMembership(services, identity, params.syndicateId, params.personId, body.decision)
          : await changeRole(services, identity, params.syndicateId, params.personId, body.role);
      return { body: membership };
    },
  }),
  protectedRoute({
    method: 'DELETE',
    path: '/api/syndicates/{syndicateId}/membership',
    summary: 'Leave a syndicate (the last admin cannot)',
    tags: ['syndicates'],
    auth: 'required',
    params: z.object({ syndicateId: id }),
    responses: {
      204: { description: 'Left.' },
      404: { description: 'Not a member.' },
      422: { description: 'You are the last admin.' },
    },
    async handle({ params, identity, services }) {
      await leaveSyndicate(services, identity, params.syndicateId);
      return { status: 204 };
    },
  }),
];

export const openingRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/openings',
    summary: 'The job board: open openings, filtered by skill, trade, place, remote and pay unit',
    tags: ['jobs'],
    auth: 'none',
    query: boardQuerySchema,
    responses: { 200: { description: 'One page of openings.' } },
    async handle({ query, services }) {
      const items = (await board(services, query)).map(({ opening, syndicate }) => ({
        ...opening,
        syndicateName: syndicate?.name,
      }));
      return { body: paginate(items, query.page, query.pageSize) };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/openings',
    summary: 'A syndicate’s board: its open openings',
    tags: ['jobs'],
    auth: 'none',
    params: z.object({ syndicateId: id }),
    query: boardQuerySchema,
    responses: { 200: { description: 'One page of openings.' }, 404: { description: 'No such syndicate.' } },
    async handle({ params, query, services }) {
      await findSyndicate(services, params.syndicateId);
      const items = (await board(services, { ...query, syndicateId: params.syndicateId })).map(
        ({ opening }) => opening,
      );
      return { body: paginate(items, query.page, query.pageSize) };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/openings/{openingId}',
    summary: 'An opening (drafts are visible to their syndicate’s admins only, on the site)',
    tags: ['jobs'],
    auth: 'none',
    params: z.object({ openingId: id }),
    responses: { 200: { description: 'The opening.' }, 404: { description: 'No such opening.' } },
    async handle({ params, services }) {
      const { opening, status } = await publicOpening(services, params.openingId);
      return { body: { ...opening, effectiveStatus: status } };
    },
  }),
  protectedRoute({
    method: 'POST',
    path: '/api/syndicates/{syndicateId}/openings',
    summary: 'Create an opening as a draft (admins)',
    tags: ['jobs'],
    auth: 'required',
    params: z.object({ syndicateId: id }),
    body: openingInputSchema,
    responses: { 201: { description: 'Created as a draft.' }, 404: { description: 'No such syndicate of yours.' } },
    async handle({ params, body, identity, services }) {
      return { status: 201, body: await createOpening(services, identity, params.syndicateId, body) };
    },
  }),
  protectedRoute({
    method: 'PUT',
    path: '/api/openings/{openingId}',
    summary: 'Edit an opening (admins of its syndicate)',
    tags: ['jobs'],
    auth: 'required',
    params: z.object({ openingId: id }),
    body: openingInputSchema,
    responses: {
      200: { description: 'Updated.' },
      404: { description: 'No such opening of yours.' },
      409: { description: 'Changed meanwhile.' },
    },
    async handle({ params, body, identity, services }) {
      return { body: await updateOpening(services, identity, params.openingId, body) };
    },
  }),
  protectedRoute({
    method: 'PUT',
    path: '/api/openings/{openingId}/status',
    summary: 'Publish (open) or close an opening (admins)',
    tags: ['jobs'],
    auth: 'required',
    params: z.object({ openingId: id }),
    body: z.strictObject({ status: z.enum(['open', 'closed']) }),
    responses: {
      200: { description: 'The opening.' },
      404: { description: 'No such opening of yours.' },
      422: { description: 'Not allowed from its status.' },
    },
    async handle({ params, body, identity, services }) {
      return { body: await changeOpeningStatus(services, identity, params.openingId, body.status) };
    },
  }),
  protectedRoute({
    method: 'PUT',
    path: '/api/openings/{openingId}/applications/me',
    summary: 'Apply with a short note (once; a retry returns the same application)',
    tags: ['jobs'],
    auth: 'required',
    params: z.object({ openingId: id }),
    body: z.strictObject({ note: applicationNoteSchema }),
    responses: {
      200: { description: 'The application.' },
      404: { description: 'No such opening.' },
      422: { description: 'Not open.' },
    },
    async handle({ params, body, identity, services }) {
      return { body: await apply(services, identity, params.openingId, body.note) };
    },
  }),
  protectedRoute({
    method: 'DELETE',
    path: '/api/openings/{openingId}/applications/me',
    summary: 'Withdraw my application',
    tags: ['jobs'],
    auth: 'required',
    params: z.object({ openingId: id }),
    responses: {
      200: { description: 'Withdrawn.' },
      404: { description: 'No application of mine.' },
      409: { description: 'Already decided.' },
    },
    async handle({ params, identity, services }) {
      return { body: await withdraw(services, identity, params.openingId) };
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/applications',
    summary: 'My applications and their status',
    tags: ['jobs'],
    auth: 'required',
    responses: { 200: { description: 'Applications.' } },
    async handle({ identity, services }) {
      const items = (await myApplications(services, identity)).map(({ application, opening }) => ({
        ...application,
        openingTitle: opening?.title,
      }));
      return { body: { items }, headers: { 'cache-control': 'private, no-store' } };
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/openings/{openingId}/applicants',
    summary: 'Applicants ranked by skill match (admins of its syndicate)',
    tags: ['jobs'],
    auth: 'required',
    params: z.object({ openingId: id }),
    responses: { 200: { description: 'Ranked applicants.' }, 404: { description: 'No such opening of yours.' } },
    async handle({ params, identity, services }) {
      const { ranked } = await rankedApplicants(services, identity, params.openingId);
      return {
        body: {
          items: ranked.map(({ applicant, matches, holds, missing, score }) => ({
            person: applicant.person,
            application: applicant.application,
            matches,
            holds,
            missing,
            score,
          })),
        },
        headers: { 'cache-control': 'private, no-store' },
      };
    },
  }),
  protectedRoute({
    method: 'PUT',
    path: '/api/openings/{openingId}/applicants/{personId}',
    summary: 'Accept or decline an applicant (admins); accepting fills a position',
    tags: ['jobs'],
    auth: 'required',
    params: z.object({ openingId: id, personId: z.string().min(1).max(128) }),
    body: z.strictObject({ decision: z.enum(['accept', 'decline']) }),
    responses: {
      200: { description: 'The decision and the opening.' },
      404: { description: 'No such application.' },
      422: { description: 'Every position is filled.' },
    },
    async handle({ params, body, identity, services }) {
      return { body: await decideApplication(services, identity, params.openingId, params.personId, body.decision) };
    },
  }),
];
