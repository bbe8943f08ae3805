import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { searchPage } from '#domain/search/search-page.ts';
import { publicRoute } from '../route.ts';
import { pageSchema } from './paged.ts';
import { searchQuerySchema, toSearchQuery } from './queries.ts';

export const searchRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/search',
    auth: 'none',
    input: () => ({ query: searchQuerySchema() }),
    doc: documented && {
      summary:
        'Search courses, lessons, practice guides, openings, syndicates, innovations, the marketplace and ESCO skills (typo-tolerant, with facets)',
      tags: ['search'],
      responses: {
        200: {
          description:
            'One page of hits with highlights, facet counts and the total the engine counts. The cursor is an offset: search engines page by offset.',
          schema: () =>
            z.extend(
              pageSchema(z.object({ document: z.object({ id: z.string(), type: z.string(), url: z.string() }) })),
              {
                total: z.number(),
                facets: z.record(z.string(), z.record(z.string(), z.number())),
              },
            ),
        },
        503: { description: 'Search is unavailable.' },
      },
    },
    async handle({ query, services }) {
      return {
        body: await searchPage(services.search, toSearchQuery(query), {
          limit: query.pageSize,
          cursor: query.cursor,
        }),
        headers: { 'cache-control': 'public, max-age=30' },
      };
    },
  }),
];
