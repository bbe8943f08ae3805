import { documented } from '#config/bundle.ts';
import * as z from 'zod/mini';
import { lazySchema } from '#domain/zod.ts';
import { tradeIds } from '#domain/content/commons.ts';
import { escoAttribution } from '#domain/content/esco-names.ts';
import { pageOfList } from '#domain/paging.ts';
import { recommendationWordsIn } from '#domain/i18n/learning/reason-words.ts';
import { defaultLocale, negotiateLocale } from '#domain/i18n/locales.ts';
import { shortagesCsv } from '#domain/shortages/csv.ts';
import { openingReadiness, readinessCap, readinessMaxAgeMs } from '#domain/shortages/opening-readiness.ts';
import { shortageMethod } from '#domain/shortages/score.ts';
import {
  currentShortages,
  learnerRecommendations,
  recommendationWindow,
  shortageTrend,
} from '#domain/shortages/shortage-use-cases.ts';
import { protectedRoute, publicRoute } from '../route.ts';
import { pageSchema } from './paged.ts';
import { cursorQuery, idParam as id, wholeNumber } from './params.ts';

const inputsSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    openings: z.number(),
    positions: z.number(),
    wants: z.number().check(z.describe('Open wants and orders not yet delivered asking for the skill.')),
    wantedHours: z.number().check(z.describe('The hours members want: those wants and orders, summed.')),
    credentialed: z.number(),
    declared: z.number(),
    learners: z.number(),
    trainees: z
      .number()
      .check(z.describe('Learners in a filled training place for a course that teaches the skill (0.5 each).')),
  }),
);
const shortagesSchema = /* @__PURE__ */ lazySchema(() =>
  z.extend(
    pageSchema(
      z.object({
        rank: z.number(),
        tradeRank: z.number(),
        skill: z.string(),
        label: z.string(),
        trade: z.string(),
        score: z.number(),
        demand: z.number(),
        supply: z.number(),
        inputs: inputsSchema(),
        courses: z.array(z.string()),
      }),
    ),
    {
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
      esco: z.object({
        attribution: z.string(),
        skills: z
          .array(
            z.object({
              rank: z.number(),
              skill: z.string().check(z.describe('The ESCO skill’s URI, its page on the ESCO portal.')),
              label: z.string(),
              score: z.number(),
              demand: z.number(),
              supply: z.number(),
              inputs: inputsSchema(),
            }),
          )
          .check(
            z.maxLength(escoListed),
            z.describe('ESCO skills the commons lacks that openings ask for or members declare, scarcest first.'),
          ),
      }),
    },
  ),
);

/** ESCO skills a JSON answer lists, scarcest first; the CSV lists every one. */
const escoListed = 100;

// Open data: anyone may fetch it, from any origin.
const openData = { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' };

export const shortageRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/shortages',
    auth: 'none',
    input: () => ({
      query: z.object({
        trade: z.optional(z.enum(tradeIds)),
        format: z.optional(z.enum(['json', 'csv'])),
        ...cursorQuery(),
      }),
    }),
    doc: documented && {
      summary: 'Skill shortages, ranked per skill and per trade, with every input (open data; JSON or CSV)',
      tags: ['shortages'],
      responses: {
        200: {
          description:
            'The ranking: JSON by default, a page of the commons’ skills (scarcest first) with every trade, and the ESCO skills the commons lacks that are asked for or held; CSV with `?format=csv` or `Accept: text/csv`, every skill at once (one row per skill of the commons, then per ESCO skill in the index, so its size is bounded by the two taxonomies, not by the table; the cursor does not apply).',
          schema: shortagesSchema,
          alternatives: [{ contentType: 'text/csv', schema: () => z.string() }],
        },
      },
    },
    // The ranking is read whole: one aggregate per skill of the commons (compiled at deploy) and per ESCO
    // skill asked for or held, so its size is bounded by the two taxonomies, whatever the table holds;
    // ranks are relative, so they need every skill at once.
    async handle({ query, services, headers }) {
      const ranking = await currentShortages(services);
      const wantsCsv = query.format === 'csv' || /\btext\/csv\b/.test(headers.accept ?? '');
      const skills = query.trade ? ranking.skills.filter((s) => s.trade === query.trade) : ranking.skills;
      // ESCO skills belong to no trade: a trade's ranking has none.
      const escoSkills = query.trade ? [] : ranking.escoSkills;
      if (wantsCsv) {
        return {
          body: shortagesCsv(skills, escoSkills),
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
          esco: { attribution: escoAttribution, skills: escoSkills.slice(0, escoListed) },
        },
        headers: openData,
      };
    },
  }),

  publicRoute({
    method: 'GET',
    path: '/api/shortages/trend',
    auth: 'none',
    input: () => ({ query: z.object({ days: z._default(wholeNumber({ min: 1, max: 366 }), 30) }) }),
    doc: documented && {
      summary: 'Daily snapshots of the shortage scores, oldest first (open data)',
      tags: ['shortages'],
      responses: {
        200: {
          description: 'One snapshot per day the index was snapshotted.',
          schema: () =>
            z.object({
              items: z
                .array(z.looseObject({ day: z.string(), skills: z.record(z.string(), z.unknown()) }))
                .check(z.maxLength(366)),
            }),
        },
      },
    },
    // Not paged, and bounded: one snapshot a day, for at most 366 days.
    async handle({ query, services }) {
      return { body: { items: await shortageTrend(services, query.days) }, headers: openData };
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/me/recommendations',
    auth: 'required',
    doc: documented && {
      summary:
        'Courses ranked by your goal first (PUT /api/me/goal), then by how much they would close a shortage and how well they fit you, with reasons',
      tags: ['shortages', 'learn'],
      responses: {
        200: {
          description: 'Openings you qualify for now, and ranked courses.',
          schema: () =>
            z.object({
              qualifyNow: z
                .array(z.object({ id: z.string(), title: z.string(), syndicateId: z.string() }))
                .check(z.maxLength(recommendationWindow), z.describe('Among the newest open openings only.')),
              courses: z.array(z.looseObject({ courseId: z.string(), title: z.string(), value: z.number() })),
            }),
        },
      },
    },
    // Not paged, and bounded by design: the courses are the commons' (compiled at deploy) and the
    // openings come from the newest open ones only (recommendationWindow, in shortage-use-cases.ts).
    async handle({ identity, services, headers }) {
      // Each course's `reason` in the reader's language (Accept-Language); English when none of ours is asked for.
      const locale = negotiateLocale(headers['accept-language']) ?? defaultLocale;
      const { qualifyNow, courses } = await learnerRecommendations(services, identity, recommendationWordsIn(locale));
      return {
        body: {
          qualifyNow: qualifyNow.map(({ id: openingId, title, syndicateId }) => ({
            id: openingId,
            title,
            syndicateId,
          })),
          courses,
        },
        headers: { 'cache-control': 'private, no-store', 'content-language': locale },
      };
    },
  }),

  protectedRoute({
    method: 'GET',
    path: '/api/openings/{openingId}/readiness',
    auth: 'required',
    input: () => ({ params: z.object({ openingId: id() }) }),
    doc: documented && {
      summary: 'How many members qualify for an opening and how many learners train toward its skills (admins)',
      tags: ['shortages', 'jobs'],
      responses: {
        200: {
          description: `Counts, overall and per skill, as they were at \`computedAt\`: counts are kept and answered again for \`maxAgeSeconds\` (${readinessMaxAgeMs / 1000}), then counted anew. Who qualifies is found among at most ${readinessCap} holders of the rarest skill, and learners among at most ${readinessCap} enrollments: past that, \`qualifiedAtLeast\` or \`learnersAtLeast\` is true and the count is a lower bound.`,
          schema: () => {
            const count = (description: string) => z.number().check(z.int(), z.describe(description));
            return z.object({
              openingId: z.string(),
              qualified: count('Available members holding every skill asked (at least, if `qualifiedAtLeast`).'),
              qualifiedInSyndicate: count('Of those, active members of the opening’s syndicate.'),
              qualifiedAtLeast: z.boolean(),
              learners: count('Distinct learners part-way through a course teaching any of its skills.'),
              learnersAtLeast: z.boolean(),
              cap: z.number().check(z.int()),
              skills: z
                .array(
                  z.object({
                    skill: z.string(),
                    label: z.string(),
                    holders: count('Available members holding it.'),
                    learners: count('Enrollments in progress in courses that teach it.'),
                    courses: z.array(z.string()),
                  }),
                )
                .check(z.maxLength(12)),
              computedAt: z.string().check(z.describe('When these counts were made (ISO 8601).')),
              maxAgeSeconds: z
                .number()
                .check(z.int(), z.describe('How long counts are answered as they were before they are made again.')),
            });
          },
        },
        404: { description: 'No such opening of a syndicate you admin.' },
      },
    },
    async handle({ params, identity, services }) {
      return {
        body: await openingReadiness(services, identity, params.openingId),
        headers: { 'cache-control': 'private, no-store' },
      };
    },
  }),
];
