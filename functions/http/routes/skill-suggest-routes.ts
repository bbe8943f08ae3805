// The skills picker's suggestions (market-api group: the `api` function had no room left, and this one
// searches already). Public and cacheable: the same words give the same answer until a deploy.
import * as z from 'zod/mini';
import { documented } from '#config/bundle.ts';
import { skillRefSchema } from '#domain/content/skill-ref.ts';
import { suggestLimits, suggestSkills } from '#domain/content/suggest-skills.ts';
import { descriptionSuggestLimits, suggestFromDescription } from '#domain/openings/description-skills.ts';
import { text } from '#domain/text.ts';
import { publicRoute } from '../route.ts';
import { wholeNumber } from './params.ts';

const suggestionSchema = () =>
  z.object({
    source: z.enum(['commons', 'esco']),
    id: z.string(),
    label: z.string(),
    trade: z.optional(z.string()),
    esco: z.optional(z.string()),
  });

const suggestionsSchema = () =>
  z.object({ items: z.array(suggestionSchema()), attribution: z.string(), escoUnavailable: z.optional(z.boolean()) });

export const skillSuggestRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/skills/suggest',
    auth: 'none',
    input: () => ({
      query: z.object({
        q: text(1, 100, { label: 'search' }),
        limit: z.optional(wholeNumber({ min: 1, max: suggestLimits.max })),
      }),
    }),
    doc: documented && {
      summary: `Suggestions for a skills picker: the commons' skills first, then ESCO's (at most ${suggestLimits.max}, ${suggestLimits.default} unless \`limit\` says)`,
      tags: ['learn'],
      responses: {
        200: {
          description:
            "The commons' skills that match (by id, with their ESCO URI where they have one), then ESCO skills (by URI); an ESCO skill that a commons skill stands for appears as that commons skill only. `attribution` is ESCO's licence notice, to show with them; `escoUnavailable` says search did not answer and only the commons' skills are listed.",
          schema: suggestionsSchema,
        },
      },
    },
    async handle({ query, services }) {
      const body = await suggestSkills(services, query.q, query.limit);
      // An answer without ESCO (search was down) is not kept: the next keystroke asks again.
      return { body, headers: { 'cache-control': body.escoUnavailable ? 'no-store' : 'public, max-age=300' } };
    },
  }),
  // The skills an opening's description mentions (issue 18), for the admin to confirm: a POST only because
  // a description (up to 8,000 characters) does not fit a URL; nothing is written, so it is public like
  // the picker's suggestions (and not a write: the write suites' cases change the store). Each call costs
  // at most eight searches, whatever the description's length.
  publicRoute({
    method: 'POST',
    path: '/api/skills/suggest-from-text',
    auth: 'none',
    input: () => ({
      body: z.strictObject({
        description: text(1, 8000, { label: 'description', multiline: true }),
        skills: z.optional(
          z.array(skillRefSchema()).check(z.maxLength(20, 'Send at most 20 skills the opening asks for already.')),
        ),
      }),
    }),
    doc: documented && {
      summary: `The skills a description mentions, for an opening's admin to confirm; nothing is saved: the commons' first, then ESCO's (at most ${descriptionSuggestLimits.items}; none of \`skills\`)`,
      tags: ['learn'],
      responses: {
        200: {
          description:
            "As GET /api/skills/suggest answers, for the description's words and two-word runs (at most eight searched): the skills in `skills` (the opening's already) are left out. Nothing is saved.",
          schema: suggestionsSchema,
        },
      },
    },
    async handle({ body, services }) {
      const found = await suggestFromDescription(services, body.description, body.skills ?? []);
      return { body: found, headers: { 'cache-control': 'private, no-store' } };
    },
  }),
];
