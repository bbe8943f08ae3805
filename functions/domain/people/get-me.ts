// The signed-in person's own record. A first call after signing up creates the profile from the
// token's name and email, so a new Cognito user needs no separate registration step; after that the
// profile is what counts, whatever name a later token claims.
import type { Identity } from '../identity.ts';
import { newPerson, type PeopleRepository, type Person, personNameSchema } from './person.ts';

export interface GetMeDependencies {
  people: PeopleRepository;
  now: () => Date;
}

export async function getMe(deps: GetMeDependencies, identity: Identity): Promise<Person> {
  const existing = await deps.people.get(identity.personId);
  if (existing) return existing;
  return deps.people.createIfAbsent(
    newPerson({
      id: identity.personId,
      name: displayName(identity),
      ...(identity.email ? { email: identity.email } : {}),
      createdAt: deps.now().toISOString(),
    }),
  );
}

/**
 * The token's name, normalised; if it has nothing visible left or carries refused characters (a
 * direction override), the start of the email address, and if that fails too, a neutral name.
 */
function displayName(identity: Identity): string {
  for (const candidate of [identity.claimedName, identity.email?.split('@')[0]]) {
    const parsed = personNameSchema().safeParse(candidate);
    if (parsed.success) return parsed.data;
  }
  return 'New member';
}
