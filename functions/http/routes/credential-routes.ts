// A credential its earner shares: the public answer behind /credentials/<id>/. The baked badge
// images are served by the site beside that page (binary answers are the site's; the API answers
// JSON and text), and this answer links to them.
import * as z from 'zod/mini';
import { documented } from '#config/bundle.ts';
import { getPublicCredential } from '#domain/learning/public-credential.ts';
import { defaultLocale, negotiateLocale } from '#domain/i18n/locales.ts';
import { lazySchema } from '#domain/zod.ts';
import { publicRoute } from '../route.ts';
import { credentialIdParam } from './params.ts';

const publicCredentialSchema = /* @__PURE__ */ lazySchema(() =>
  z.object({
    id: z.string(),
    url: z.string(),
    issuedAt: z.string(),
    recipient: z.object({ name: z.string(), emailHashed: z.boolean() }),
    achievement: z.object({ name: z.string(), description: z.string(), criteria: z.string(), url: z.string() }),
    skills: z.array(z.object({ id: z.string(), name: z.string(), url: z.string(), framework: z.optional(z.string()) })),
    issuer: z.object({ id: z.string(), name: z.string() }),
    verification: z.object({
      status: z.enum(['valid', 'not-a-credential', 'altered', 'unknown-key', 'other-issuer']),
      sentence: z.string(),
    }),
    jws: z.string(),
    downloads: z.object({ jwt: z.string(), svg: z.string(), png: z.string() }),
    linkedIn: z.string(),
  }),
);

export const credentialRoutes = [
  publicRoute({
    method: 'GET',
    path: '/api/credentials/{credentialId}',
    auth: 'none',
    // What the path may hold; only ids made unguessable exist (any other is 404).
    input: () => ({
      params: z.object({
        credentialId: credentialIdParam(),
      }),
    }),
    doc: documented && {
      summary:
        'A shared credential: who earned what and when, its skills with ESCO links, the signature checked now, and its downloads',
      tags: ['learn'],
      responses: {
        200: {
          description:
            '`verification` is checked with the instance key on every answer; `downloads` are the .jwt and the baked SVG and PNG badges; `linkedIn` opens LinkedIn’s add-certification form pre-filled.',
          schema: publicCredentialSchema,
        },
        404: { description: 'No such credential (ids are not guessable; the earner shares the link).' },
      },
    },
    async handle({ params, services, headers }) {
      // `verification.sentence` in the reader's language (Accept-Language), so a shared cache keys on it.
      const locale = negotiateLocale(headers['accept-language']) ?? defaultLocale;
      return {
        body: await getPublicCredential(services, params.credentialId, locale),
        headers: { 'cache-control': 'public, max-age=300', 'content-language': locale, vary: 'Accept-Language' },
      };
    },
  }),
];
