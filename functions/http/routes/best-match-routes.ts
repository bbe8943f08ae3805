// The job board ranked for the signed-in person (people-api group: it reads the person, their
// credentials and goal as well as the board). The same ranking as the site's "best match for me".
import * as z from 'zod/mini';
import { documented } from '#config/bundle.ts';
import { canMatch } from '#domain/openings/best-match.ts';
import { bestMatchBoard, bestMatchWindow, seekerFor } from '#domain/openings/best-match-board.ts';
import { matchWordsIn, recommendationWordsIn } from '#domain/i18n/learning/reason-words.ts';
import { defaultLocale, negotiateLocale } from '#domain/i18n/locales.ts';
import { protectedRoute } from '../route.ts';
import { pageSchema } from './paged.ts';
import { boardQuerySchema } from './queries.ts';

const matchSchema = () =>
  z.object({
    id: z.string(),
    title: z.string(),
    syndicateId: z.string(),
    syndicateName: z.optional(z.string()),
    match: z.object({
      reason: z.string(),
      held: z.array(z.string()),
      missing: z.array(z.string()),
      aimedFor: z.array(z.string()),
      inShortage: z.array(z.string()),
    }),
  });

export const bestMatchRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/me/best-matches',
    auth: 'required',
    input: () => ({ query: z.extend(boardQuerySchema(), { q: z.optional(z.string().check(z.maxLength(200))) }) }),
    doc: documented && {
      summary: 'Open openings asking for a skill you hold or aim for, best match first, each with the reason in words',
      tags: ['jobs', 'people'],
      responses: {
        200: {
          description: `One page of the ranking (your goal first, then the share of skills you hold, then shortage), among the newest ${bestMatchWindow} matching openings; \`total\` counts them, \`windowFull\` says more matched.`,
          schema: () => z.extend(pageSchema(matchSchema()), { total: z.number(), windowFull: z.boolean() }),
        },
      },
    },
    async handle({ query, identity, services, headers }) {
      const { q, cursor, pageSize, ...filter } = query;
      // Each `match.reason` in the reader's language (Accept-Language); English when none of ours is asked for.
      const locale = negotiateLocale(headers['accept-language']) ?? defaultLocale;
      const seeker = await seekerFor(services, identity, {
        goal: recommendationWordsIn(locale).goal,
        match: matchWordsIn(locale),
      });
      const page = canMatch(seeker)
        ? await bestMatchBoard(services, { ...filter, text: q }, seeker, { limit: pageSize, cursor })
        : { items: [], total: 0, windowFull: false };
      return {
        body: {
          items: page.items.map(({ opening, syndicate, match }) => ({
            ...opening,
            syndicateName: syndicate?.name,
            match,
          })),
          total: page.total,
          windowFull: page.windowFull,
          ...('next' in page && page.next ? { next: page.next } : {}),
          ...('previous' in page && page.previous ? { previous: page.previous } : {}),
        },
        headers: { 'cache-control': 'private, no-store', 'content-language': locale },
      };
    },
  }),
];
