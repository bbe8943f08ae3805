// The writes a person makes to their own profile. Only you edit yourself: each use case acts on the
// signed-in person's id and takes no other, so there is no one else's profile to reach.
import type { Commons } from '../content/commons.ts';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import { conflictRetry, startRetries } from '../retry.ts';
import { getMe } from './get-me.ts';
import type { PeopleRepository, Person } from './person.ts';
import {
  applyProfilePatch,
  type DeclaredSkill,
  maxDeclaredSkills,
  type ProfilePatch,
  staleProfileMessage,
  withDeclaredSkill,
  withoutDeclaredSkill,
} from './profile.ts';

export interface ProfileDependencies {
  people: PeopleRepository;
  commons: Pick<Commons, 'skills'>;
  now: () => Date;
}

/**
 * Steps: read (or first create) the profile; check each declared skill is one of the commons'; apply
 * the change over the version it was made from; write it on condition that nobody wrote since. A
 * change from an older version, or one that loses a race to another, is a 409 and writes nothing.
 */
export async function updateProfile(deps: ProfileDependencies, identity: Identity, patch: ProfilePatch) {
  const person = await getMe(deps, identity);
  if (patch.declaredSkills) {
    const unknown = patch.declaredSkills.flatMap(({ skill }, i) =>
      deps.commons.skills.has(skill) ? [] : [{ field: `body.declaredSkills.${i}.skill`, message: unknownSkill(skill) }],
    );
    if (unknown.length > 0) throw new ValidationError(unknown);
  }
  const updated = applyProfilePatch(person, patch, deps.now());
  await save(deps, updated);
  return updated;
}

/**
 * Declares one skill, or changes the level and evidence of one already declared. It needs no version
 * from the person: it changes only its own entry, so it re-reads and tries again when another change
 * won the race, and can never overwrite that change.
 */
export async function declareSkill(
  deps: ProfileDependencies,
  identity: Identity,
  declared: DeclaredSkill,
): Promise<Person> {
  if (!deps.commons.skills.has(declared.skill)) {
    throw new ValidationError([{ field: 'path.skillId', message: unknownSkill(declared.skill) }]);
  }
  return retried(deps, identity, (person, now) => {
    const known = person.declaredSkills.some((s) => s.skill === declared.skill);
    if (!known && person.declaredSkills.length >= maxDeclaredSkills) {
      throw new RuleViolationError(
        'too-many-skills',
        `You have declared ${maxDeclaredSkills} skills, the most a profile holds: remove one before adding another.`,
      );
    }
    return withDeclaredSkill(person, declared, now);
  });
}

/** Removes a declared skill; a skill that is not declared is a 404. */
export async function removeDeclaredSkill(deps: ProfileDependencies, identity: Identity, skillId: string) {
  return retried(deps, identity, (person, now) => {
    if (!person.declaredSkills.some((s) => s.skill === skillId)) throw new NotFoundError('declared skill', skillId);
    return withoutDeclaredSkill(person, skillId, now);
  });
}

/**
 * A change that concerns one part of the profile alone (a skill, the goal), so it needs no version from
 * the person: it re-reads and tries again when another change won the race, never overwriting it.
 */
export async function retried(
  deps: ProfileDependencies,
  identity: Identity,
  change: (person: Person, now: Date) => Person,
): Promise<Person> {
  const retries = startRetries(conflictRetry);
  for (;;) {
    const updated = change(await getMe(deps, identity), deps.now());
    try {
      await deps.people.saveProfile(updated);
      return updated;
    } catch (error) {
      if (!(error instanceof ConflictError) || !(await retries.next())) throw error;
    }
  }
}

async function save(deps: ProfileDependencies, person: Person) {
  try {
    await deps.people.saveProfile(person);
  } catch (error) {
    // The store's refusal says only that the condition failed: say what it means for the person.
    if (error instanceof ConflictError) throw new ConflictError(staleProfileMessage, { cause: error });
    throw error;
  }
}

const unknownSkill = (skill: string) =>
  `"${skill}" is not a skill of the commons: search the skills and pick one from the list.`;
