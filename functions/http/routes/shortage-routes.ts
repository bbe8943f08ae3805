import * as z from 'zod';
import { tradeIds } from '#domain/content/commons.ts';
import { pageOfList } from '#domain/paging.ts';
import { shortagesCsv } from '#domain/shortages/csv.ts';
import { shortageMethod } from '#domain/shortages/score.ts';
import {
  currentShortages,
  learnerRecommendations,
  openingReadiness,
  shortageTrend,
} from '#domain/shortages/shortage-use-cases.ts';
import { protectedRoute, publicRoute } from '../route.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, idParam as id, wholeNumber } from './params.ts';

const inputsSchema = z.object({
  openings: z.number(),
  positions: z.number(),
  credentialed: z.number(),
  declared: z.number(),
  learners: z.number(),
});
const shortagesSchema = pageSchema(
  z.object({
    rank: z.number(),
    tradeRank: z.number(),
    skill: z.string(),
    label: z.string(),
    trade: z.string(),
    score: z.number(),
    demand: z.number(),
    supply: z.number(),
    inputs: inputsSchema,
    courses: z.array(z.string()),
  }),
).extend({
  day: z.string(),
  method: z.object({ halfLifeDays: z.number(), formula: z.string(), description: z.string() }),
  trades: z.array(
    z.object({
      rank: z.number(),
      trade: z.string(),
      label: z.string(),
      score: z.number(),
      demand: z.number(),
      supply: z.number(),
    }),
  ),
});
// Open data: anyone may fetch it, from any origin.
const openData = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

export const shortageRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/shortages',
    summary: 'Skill shortages, ranked per skill and per trade, with every input (open data; JSON or CSV)',
    tags: ['shortages'],
    auth: 'none',
    query: z.object({
      trade: z.enum(tradeIds).optional(),
      format: z.enum(['json', 'csv']).optional(),
      ...cursorQuery,
    }),
    responses: {
      200: {
        description:
          'The ranking: JSON by default, a page of skills (scarcest first) with every trade; CSV with `?format=csv` or `Accept: text/csv`, every skill at once (one row per skill of the commons, so its size is bounded by the commons, not by the table; the cursor does not apply).',
        schema: shortagesSchema,
        alternatives: [{ contentType: 'text/csv', schema: z.string() }],
      },
    },
    // The ranking is read whole: one aggregate per skill of the commons (compiled at deploy), so its size
    // is the commons', whatever the table holds; ranks are relative, so they need every skill at once.
    async handle({ query, services, headers }) {
      const ranking = await currentShortages(services);
      const wantsCsv = query.format === 'csv' || /\btext\/csv\b/.test(headers.accept ?? '');
      const skills = query.trade ? ranking.skills.filter((s) => s.trade === query.trade) : ranking.skills;
      if (wantsCsv) {
        return {
          body: shortagesCsv(skills),
          contentType: 'text/csv; charset=utf-8; header=present',
          headers: { ...openData, 'content-disposition': `inline; filename="shortages-${ranking.day}.csv"` },
        };
      }
      const { halfLifeDays, formula, description } = shortageMethod;
      return {
        body: {
          day: ranking.day,
          method: { halfLifeDays, formula, description, supplyWeights: shortageMethod.supplyWeights },
          ...pageOfList(skills, { limit: query.pageSize, cursor: query.cursor }),
          trades: query.trade ? ranking.trades.filter((t) => t.trade === query.trade) : ranking.trades,
        },
        headers: openData,
      };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/shortages/trend',
    summary: 'Daily snapshots of the shortage scores, oldest first (open data)',
    tags: ['shortages'],
    auth: 'none',
    query: z.object({ days: wholeNumber({ min: 1, max: 366 }).default(30) }),
    responses: { 200: { description: 'One snapshot per day the index was snapshotted.' } },
    // Not paged, and bounded: one snapshot a day, for at most 366 days.
    async handle({ query, services }) {
      return { body: { items: await shortageTrend(services, query.days) }, headers: openData };
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/recommendations',
    summary: 'Courses ranked by how much they would close a shortage and how well they fit you, with reasons',
    tags: ['shortages', 'learn'],
    auth: 'required',
    responses: { 200: { description: 'Openings you qualify for now, and ranked courses.' } },
    // Not paged, and bounded by design: the courses are the commons' (compiled at deploy) and the
    // openings come from the newest open ones only (recommendationWindow, in shortage-use-cases.ts).
    async handle({ identity, services }) {
      const { qualifyNow, courses } = await learnerRecommendations(services, identity);
      return {
        body: {
          qualifyNow: qualifyNow.map(({ id: openingId, title, syndicateId }) => ({
            id: openingId,
            title,
            syndicateId,
          })),
          courses,
        },
        headers: { 'cache-control': 'private, no-store' },
      };
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/openings/{openingId}/readiness',
    summary: 'How many members qualify for an opening and how many learners train toward its skills (admins)',
    tags: ['shortages', 'jobs'],
    auth: 'required',
    params: z.object({ openingId: id }),
    responses: {
      200: { description: 'Counts, overall and per skill.' },
      404: { description: 'No such opening of a syndicate you admin.' },
    },
    async handle({ params, identity, services }) {
      return {
        body: await openingReadiness(services, identity, params.openingId),
        headers: { 'cache-control': 'private, no-store' },
      };
    },
  }),
];
