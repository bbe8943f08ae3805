import { documented } from '#config/bundle.ts';
import { publicRoute } from '../route.ts';
import { searchQuerySchema, toSearchQuery } from './queries.ts';

export const searchRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/search',
    auth: 'none',
    input: () => ({ query: searchQuerySchema() }),
    doc: documented && {
      summary: 'Search courses, lessons, practice guides, openings and syndicates (typo-tolerant, with facets)',
      tags: ['search'],
      responses: {
        200: { description: 'Hits with highlights, facet counts and the total.' },
        503: { description: 'Search is unavailable.' },
      },
    },
    async handle({ query, services }) {
      return {
        body: await services.search.search(toSearchQuery(query)),
        headers: { 'cache-control': 'public, max-age=30' },
      };
    },
  }),
];
