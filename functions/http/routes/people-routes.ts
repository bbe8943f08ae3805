import { getMe } from '#domain/people/get-me.ts';
import { personSchema } from '#domain/people/person.ts';
import { protectedRoute } from '../route.ts';

export const peopleRoutes = [
  protectedRoute({
    method: 'GET',
    path: '/api/me',
    summary: 'The signed-in person: profile, skills and memberships',
    tags: ['people'],
    auth: 'required',
    responses: { 200: { description: 'The signed-in person.', schema: personSchema } },
    async handle({ identity, services }) {
      return { body: await getMe(services, identity), headers: { 'cache-control': 'private, no-store' } };
    },
  }),
];
