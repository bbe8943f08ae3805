// The signed-in person's own record. A first call after signing up creates the profile from the
// token's name and email, so a new Cognito user needs no separate registration step; after that the
// profile is what counts, whatever name a later token claims. The language of the page the person signed
// in from becomes the language of their emails, until they choose another on their profile.
import { AccountDeletedError } from '../errors.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Identity } from '../identity.ts';
import { newPerson, type PeopleRepository, type Person, personNameSchema } from './person.ts';
import type { PersonDataRepository } from './person-data.ts';

export interface GetMeDependencies {
  people: PeopleRepository;
  /** Where a deleted account is recorded (the services always carry it; unit tests may leave it out). */
  personData?: Pick<PersonDataRepository, 'getDeletion'>;
  now: () => Date;
}

/**
 * A deleted account is never made again: its id keeps the ledger's and the log's entries, which a new
 * profile under it would tie back to a person. Checked only where a profile would be created.
 */
export async function getMe(deps: GetMeDependencies, identity: Identity, language?: Locale): Promise<Person> {
  const existing = await deps.people.get(identity.personId);
  if (existing) return existing;
  const deleted = await deps.personData?.getDeletion(identity.personId);
  if (deleted) throw new AccountDeletedError(deleted.startedAt);
  return deps.people.createIfAbsent(
    newPerson({
      id: identity.personId,
      name: displayName(identity),
      ...(identity.email ? { email: identity.email } : {}),
      ...(language ? { language } : {}),
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
