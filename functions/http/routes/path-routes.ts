// Paths to an occupation (issue 18): the list, one path (its skills, the courses that teach them in
// order), the open positions asking for its skills, and the signed-in person's progress along one.
import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { tradeIds } from '#domain/content/commons.ts';
import { listPaths, myPathProgress, pathOpenings, pathSources, viewPath } from '#domain/paths/path-use-cases.ts';
import { lazySchema } from '#domain/zod.ts';
import { protectedRoute, publicRoute } from '../route.ts';
import { pageBody, pageSchema } from './paged.ts';
import { cursorQuery, idParam } from './params.ts';

const pathParams = /* @__PURE__ */ lazySchema(() => z.object({ pathId: idParam() }));

export const pathRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/paths',
    auth: 'none',
    input: () => ({
      query: z.object({
        trade: z.optional(z.enum(tradeIds)),
        source: z.optional(z.enum(pathSources)),
        ...cursorQuery(),
      }),
    }),
    doc: documented && {
      summary: 'Paths to an occupation: the commons’ own first, then the ESCO occupations whose skills are known',
      tags: ['learn'],
      responses: {
        200: {
          description: 'One page of paths, each with how many skills it needs and how many a commons course teaches.',
          schema: () =>
            pageSchema(
              z.object({
                id: z.string(),
                label: z.string(),
                source: z.string(),
                skills: z.number(),
                taught: z.number(),
              }),
            ),
        },
      },
    },
    async handle({ query, services }) {
      // The paths are compiled with the commons and held in memory: the cursor is an offset into them.
      return { body: listPaths(services.commons, query, { limit: query.pageSize, cursor: query.cursor }) };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/paths/{pathId}',
    auth: 'none',
    input: () => ({ params: pathParams() }),
    doc: documented && {
      summary: 'A path: the skills an occupation needs, and the commons courses that teach them in prerequisite order',
      tags: ['learn'],
      responses: {
        200: {
          description:
            'The path, its courses in an order their prerequisites allow, and which courses teach each skill.',
          schema: () =>
            z.object({
              path: z.looseObject({
                id: z.string(),
                label: z.string(),
                source: z.string(),
                skills: z.array(z.object({ id: z.string(), label: z.string(), commons: z.array(z.string()) })),
              }),
              courses: z.array(
                z.object({ courseId: z.string(), teaches: z.array(z.string()), skills: z.array(z.string()) }),
              ),
              taughtBy: z.record(z.string(), z.array(z.string())),
            }),
        },
        404: { description: 'No such path.' },
      },
    },
    async handle({ params, services }) {
      return { body: viewPath(services.commons, params.pathId) };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/paths/{pathId}/openings',
    auth: 'none',
    input: () => ({ params: pathParams(), query: z.object(cursorQuery()) }),
    doc: documented && {
      summary: 'Open positions that ask for any skill of a path, newest posted first',
      tags: ['learn', 'jobs'],
      responses: {
        200: {
          description: 'One page of open openings; `searchDown` says search could not answer (the page is then empty).',
          schema: () =>
            pageSchema(z.object({ id: z.string(), title: z.string(), syndicateName: z.optional(z.string()) }), {
              searchDown: z.boolean(),
            }),
        },
        404: { description: 'No such path.' },
      },
    },
    async handle({ params, query, services }) {
      const page = await pathOpenings(services, params.pathId, { limit: query.pageSize, cursor: query.cursor });
      return {
        body: {
          ...pageBody(page, ({ opening, syndicate }) => ({ ...opening, syndicateName: syndicate?.name })),
          searchDown: page.searchDown,
        },
      };
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/paths/{pathId}',
    auth: 'required',
    input: () => ({ params: pathParams() }),
    doc: documented && {
      summary: 'My progress along a path: the skills I hold (by credential or declaration) and the next course',
      tags: ['learn'],
      responses: {
        200: {
          description: 'Skills held of those needed, the planned courses done, and the next one.',
          schema: () =>
            z.object({
              pathId: z.string(),
              held: z.number(),
              needed: z.number(),
              skills: z.record(z.string(), z.enum(['credential', 'declared'])),
              coursesDone: z.array(z.string()),
              nextCourse: z.optional(z.string()),
            }),
        },
        404: { description: 'No such path.' },
      },
    },
    async handle({ identity, params, services }) {
      return {
        body: await myPathProgress(services, identity, params.pathId),
        headers: { 'cache-control': 'private, no-store' },
      };
    },
  }),
];
