import { documented } from '#config/bundle.ts';
import { getMe } from '#domain/people/get-me.ts';
import { personSchema } from '#domain/people/person.ts';
import { protectedRoute } from '../route.ts';

export const peopleRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/me',
    auth: 'required',
    doc: documented && {
      summary: 'The signed-in person: profile, skills and memberships',
      tags: ['people'],
      responses: { 200: { description: 'The signed-in person.', schema: personSchema } },
    },
    async handle({ identity, services }) {
      return { body: await getMe(services, identity), headers: { 'cache-control': 'private, no-store' } };
    },
  }),
];
