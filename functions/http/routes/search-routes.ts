import * as z from 'zod';
import { documentTypes, type SearchQuery, type SortField } from '#domain/search/search-port.ts';
import { publicRoute } from '../route.ts';
import { searchPage } from '#domain/search/search-page.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, wholeNumber } from './params.ts';

/** `?skills=a&skills=b` and `?skills=a` both become a list. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([item, z.array(item).max(20)])
    .transform((value): Array<z.output<T>> => (Array.isArray(value) ? value : [value]))
    .optional();
const shortText = z.string().trim().min(1).max(80);
const pay = wholeNumber({ min: 0, max: 100_000_000 });
const facetNames = ['type', 'skills', 'trade', 'place', 'remote', 'status', 'payUnit'] as const;

export const searchQuerySchema = z.object({
  q: z.string().max(200).default(''),
  type: list(z.enum(documentTypes)),
  skills: list(shortText),
  trade: list(shortText),
  place: list(shortText),
  status: list(shortText),
  payUnit: list(shortText),
  remote: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  payMin: pay.optional(),
  payMax: pay.optional(),
  sort: z
    .enum(['updatedAt:desc', 'updatedAt:asc', 'pay:desc', 'pay:asc', 'hours:asc', 'hours:desc', 'title:asc'])
    .optional(),
  facets: list(z.enum(facetNames)),
  ...cursorQuery,
});

export type SearchParams = z.infer<typeof searchQuerySchema>;

/** From the query string's shape to the search port's (the page is the cursor's: see search-page.ts). */
export function toSearchQuery(params: SearchParams): Omit<SearchQuery, 'page' | 'pageSize'> {
  const [field, direction] = (params.sort ?? '').split(':') as [SortField, 'asc' | 'desc'];
  return {
    text: params.q,
    filters: {
      ...(params.type ? { type: params.type } : {}),
      ...(params.skills ? { skills: params.skills } : {}),
      ...(params.trade ? { trade: params.trade } : {}),
      ...(params.place ? { place: params.place } : {}),
      ...(params.status ? { status: params.status } : {}),
      ...(params.payUnit ? { payUnit: params.payUnit } : {}),
      ...(params.remote !== undefined ? { remote: params.remote } : {}),
      ...(params.payMin !== undefined || params.payMax !== undefined
        ? {
            pay: {
              ...(params.payMin !== undefined ? { min: params.payMin } : {}),
              ...(params.payMax !== undefined ? { max: params.payMax } : {}),
            },
          }
        : {}),
    },
    facets: params.facets ?? ['type', 'trade', 'skills', 'remote', 'payUnit'],
    ...(params.sort ? { sort: { field, direction } } : {}),
  };
}

export const searchRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/search',
    summary: 'Search courses, lessons, practice guides, openings and syndicates (typo-tolerant, with facets)',
    tags: ['search'],
    auth: 'none',
    query: searchQuerySchema,
    responses: {
      200: {
        description:
          'One page of hits with highlights, facet counts and the total the engine counts. The cursor is an offset: search engines page by offset.',
        schema: pageSchema(
          z.object({ document: z.object({ id: z.string(), type: z.string(), url: z.string() }) }),
        ).extend({ total: z.number(), facets: z.record(z.string(), z.record(z.string(), z.number())) }),
      },
      503: { description: 'Search is unavailable.' },
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
