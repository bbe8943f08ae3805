// The signed-in person's own record. A first call after signing up creates the profile from the
// token's name and email, so a new Cognito user needs no separate registration step; after that the
// profile is what counts, whatever name a later token claims.
import type { Identity } from '../identity.ts';
import type { PeopleRepository, Person } from './person.ts';

export interface GetMeDependencies {
  people: PeopleRepository;
  now: () => Date;
}

export async function getMe(deps: GetMeDependencies, identity: Identity): Promise<Person> {
  const existing = await deps.people.get(identity.personId);
  if (existing) return existing;
  return deps.people.createIfAbsent({
    id: identity.personId,
    name: identity.claimedName ?? identity.email?.split('@')[0] ?? 'New member',
    ...(identity.email ? { email: identity.email } : {}),
    bio: '',
    place: '',
    declaredSkills: [],
    available: true,
    createdAt: deps.now().toISOString(),
  });
}
