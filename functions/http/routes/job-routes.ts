import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { board } from '#domain/openings/board.ts';
import { myApplications, rankedApplicants, publicOpening } from '#domain/openings/opening-use-cases.ts';
import { findSyndicate, syndicateMembers } from '#domain/syndicates/syndicate-use-cases.ts';
import {
  changeOpeningStatusCommand,
  createOpeningCommand,
  updateOpeningCommand,
} from '#app/commands/opening-commands.ts';
import {
  createSyndicateCommand,
  decideMemberCommand,
  leaveSyndicateCommand,
  requestToJoinCommand,
  updateSyndicateCommand,
} from '#app/commands/syndicate-commands.ts';
import { commandRoute, protectedRoute, publicRoute } from '../route.ts';
import { pageBody, pageSchema } from './paged.ts';
import { cursorQuery, idParam as id } from './params.ts';
import { boardQuerySchema } from './queries.ts';

// What the lists answer with, item by item, for the OpenAPI document only.
const openingSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ id: z.string(), syndicateId: z.string(), title: z.string(), status: z.string() }),
);
const syndicateSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ id: z.string(), name: z.string(), trade: z.string(), place: z.string() }),
);
const membershipSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ personId: z.string(), name: z.string(), role: z.string(), status: z.string() }),
);
const applicationSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({ openingId: z.string(), personId: z.string(), status: z.string() }),
);

export const syndicateRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/syndicates',
    auth: 'none',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'Every syndicate, by name',
      tags: ['syndicates'],
      responses: {
        200: { description: 'One page of syndicates, by name.', schema: () => pageSchema(syndicateSchema()) },
      },
    },
    async handle({ query, services }) {
      return { body: await services.syndicates.page({ limit: query.pageSize, cursor: query.cursor }) };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}',
    auth: 'none',
    input: () => ({ params: z.object({ syndicateId: id() }) }),
    doc: documented && {
      summary: 'A syndicate: who they are, where, and their rate card',
      tags: ['syndicates'],
      responses: { 200: { description: 'The syndicate.' }, 404: { description: 'No such syndicate.' } },
    },
    async handle({ params, services }) {
      return { body: await findSyndicate(services, params.syndicateId) };
    },
  }),
  commandRoute(createSyndicateCommand, {
    method: 'POST',
    path: '/api/syndicates',
    doc: documented && {
      summary: 'Found a syndicate; you become its first admin',
      tags: ['syndicates'],
      responses: { 201: { description: 'Created.' }, 409: { description: 'The id is taken.' } },
    },
    respond: (syndicate) => ({ status: 201, body: syndicate }),
  }),
  commandRoute(updateSyndicateCommand, {
    method: 'PUT',
    path: '/api/syndicates/{syndicateId}',
    doc: documented && {
      summary: 'Edit a syndicate (admins)',
      tags: ['syndicates'],
      responses: {
        200: { description: 'Updated.' },
        404: { description: 'No such syndicate of yours.' },
        422: {
          description:
            'A changed rate card for a syndicate of more than one member (rule `rate-card-by-vote`): its members decide it by a rate-card proposal.',
        },
      },
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/members',
    auth: 'required',
    input: () => ({ params: z.object({ syndicateId: id() }), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'Members and pending requests (admins)',
      tags: ['syndicates'],
      responses: {
        200: { description: 'One page of memberships, by person id.', schema: () => pageSchema(membershipSchema()) },
        404: { description: 'No such syndicate of yours.' },
      },
    },
    async handle({ params, query, identity, services }) {
      const page = await syndicateMembers(services, identity, params.syndicateId, {
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return {
        body: pageBody(page, ({ membership, name }) => ({ ...membership, name })),
        headers: { 'cache-control': 'private, no-store' },
      };
    },
  }),
  commandRoute(requestToJoinCommand, {
    method: 'POST',
    path: '/api/syndicates/{syndicateId}/join-requests',
    doc: documented && {
      summary: 'Ask to join a syndicate (a repeat returns the same request)',
      tags: ['syndicates'],
      responses: {
        201: { description: 'Requested (or already a member).' },
        404: { description: 'No such syndicate.' },
      },
    },
    respond: (membership) => ({ status: 201, body: membership }),
  }),
  commandRoute(decideMemberCommand, {
    method: 'PUT',
    path: '/api/syndicates/{syndicateId}/members/{personId}',
    doc: documented && {
      summary: 'Approve or decline a request, or change a member’s role (admins)',
      tags: ['syndicates'],
      responses: {
        200: { description: 'The membership.' },
        404: { description: 'No such request or member.' },
        409: { description: 'Already decided.' },
        422: { description: 'Would leave no admin.' },
      },
    },
  }),
  commandRoute(leaveSyndicateCommand, {
    method: 'DELETE',
    path: '/api/syndicates/{syndicateId}/membership',
    doc: documented && {
      summary: 'Leave a syndicate (the last admin cannot)',
      tags: ['syndicates'],
      responses: {
        204: { description: 'Left.' },
        404: { description: 'Not a member.' },
        422: { description: 'You are the last admin.' },
      },
    },
    respond: () => ({ status: 204 }),
  }),
];

export const openingRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/openings',
    auth: 'none',
    input: () => ({ query: boardQuerySchema() }),
    doc: documented && {
      summary: 'The job board: open openings, filtered by skill, trade, place, remote, pay unit, kind and course',
      tags: ['jobs'],
      responses: {
        200: {
          description: 'One page of open openings, newest posted first.',
          schema: () => pageSchema(z.extend(openingSchema(), { syndicateName: z.optional(z.string()) })),
        },
      },
    },
    async handle({ query, services }) {
      const page = await board(services, query, { limit: query.pageSize, cursor: query.cursor });
      return { body: pageBody(page, ({ opening, syndicate }) => ({ ...opening, syndicateName: syndicate?.name })) };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/syndicates/{syndicateId}/openings',
    auth: 'none',
    input: () => ({ params: z.object({ syndicateId: id() }), query: boardQuerySchema() }),
    doc: documented && {
      summary: 'A syndicate’s board: its open openings',
      tags: ['jobs'],
      responses: {
        200: { description: 'One page of its open openings, newest first.', schema: () => pageSchema(openingSchema()) },
        404: { description: 'No such syndicate.' },
      },
    },
    async handle({ params, query, services }) {
      await findSyndicate(services, params.syndicateId);
      const page = await board(
        services,
        { ...query, syndicateId: params.syndicateId },
        { limit: query.pageSize, cursor: query.cursor },
      );
      return { body: pageBody(page, ({ opening }) => opening) };
    },
  }),
  publicRoute({
    method: 'GET',
    path: '/api/openings/{openingId}',
    auth: 'none',
    input: () => ({ params: z.object({ openingId: id() }) }),
    doc: documented && {
      summary: 'An opening (drafts are visible to their syndicate’s admins only, on the site)',
      tags: ['jobs'],
      responses: { 200: { description: 'The opening.' }, 404: { description: 'No such opening.' } },
    },
    async handle({ params, services }) {
      const { opening, status } = await publicOpening(services, params.openingId);
      return { body: { ...opening, effectiveStatus: status } };
    },
  }),
  commandRoute(createOpeningCommand, {
    method: 'POST',
    path: '/api/syndicates/{syndicateId}/openings',
    doc: documented && {
      summary: 'Create an opening as a draft (admins)',
      tags: ['jobs'],
      responses: { 201: { description: 'Created as a draft.' }, 404: { description: 'No such syndicate of yours.' } },
    },
    respond: (opening) => ({ status: 201, body: opening }),
  }),
  commandRoute(updateOpeningCommand, {
    method: 'PUT',
    path: '/api/openings/{openingId}',
    doc: documented && {
      summary: 'Edit an opening (admins of its syndicate)',
      tags: ['jobs'],
      responses: {
        200: { description: 'Updated.' },
        404: { description: 'No such opening of yours.' },
        409: { description: 'Changed meanwhile.' },
      },
    },
  }),
  commandRoute(changeOpeningStatusCommand, {
    method: 'PUT',
    path: '/api/openings/{openingId}/status',
    doc: documented && {
      summary: 'Publish (open) or close an opening (admins)',
      tags: ['jobs'],
      responses: {
        200: { description: 'The opening.' },
        404: { description: 'No such opening of yours.' },
        422: { description: 'Not allowed from its status.' },
      },
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/me/applications',
    auth: 'required',
    input: () => ({ query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'My applications and their status',
      tags: ['jobs'],
      responses: {
        200: {
          description: 'One page of my applications, newest first.',
          schema: () => pageSchema(z.extend(applicationSchema(), { openingTitle: z.optional(z.string()) })),
        },
      },
    },
    async handle({ query, identity, services }) {
      const page = await myApplications(services, identity, { limit: query.pageSize, cursor: query.cursor });
      return {
        body: pageBody(page, ({ application, opening }) => ({ ...application, openingTitle: opening?.title })),
        headers: { 'cache-control': 'private, no-store' },
      };
    },
  }),
  protectedRoute({
    method: 'GET',
    path: '/api/openings/{openingId}/applicants',
    auth: 'required',
    input: () => ({ params: z.object({ openingId: id() }), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'Applicants ranked by skill match (admins of its syndicate)',
      tags: ['jobs'],
      responses: {
        200: {
          description:
            'One page of the ranking: best match first, then whoever applied first; withdrawn applications are left out. Each applicant’s match is computed when they apply and again each time they appear on a page, so `score`, `holds`, `matches` and `missing` are as of `scoredAt` (this request). The order is kept by the store from the last match computed: someone whose skills (or the opening’s) changed since comes with `reordered: true` and takes their new place from the next read.',
          schema: () =>
            pageSchema(
              z.object({
                person: z.object({ id: z.string(), name: z.string() }),
                score: z.number(),
                holds: z.number(),
                scoredAt: z.string(),
                reordered: z.boolean(),
              }),
            ),
        },
        404: { description: 'No such opening of yours.' },
      },
    },
    async handle({ params, query, identity, services }) {
      const { ranked } = await rankedApplicants(services, identity, params.openingId, {
        limit: query.pageSize,
        cursor: query.cursor,
      });
      return { body: pageBody(ranked, (item) => item), headers: { 'cache-control': 'private, no-store' } };
    },
  }),
];
