// The writes a person makes to their own profile. Only you edit yourself: each use case acts on the
// signed-in person's id and takes no other, so there is no one else's profile to reach.
import type { Commons } from '../content/commons.ts';
import { forgetPersonFollowers } from '../federation/person-actor.ts';
import { canonicalSkill, escoLabelsFrom, requireSkillRefs } from '../content/skill-ref.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../errors.ts';
import { peopleWords } from '../i18n/account/people-refusals.ts';
import type { SearchIndex } from '../search/search-port.ts';
import type { Identity } from '../identity.ts';
import { conflictRetry, startRetries } from '../retry.ts';
import { getMe } from './get-me.ts';
import type { PeopleRepository, Person } from './person.ts';
import type { PersonDataRepository } from './person-data.ts';
import {
  applyProfilePatch,
  type DeclaredSkill,
  maxDeclaredSkills,
  type ProfilePatch,
  staleProfile,
  withDeclaredSkill,
  withoutDeclaredSkill,
} from './profile.ts';

export interface ProfileDependencies {
  people: PeopleRepository;
  commons: Pick<Commons, 'skills'>;
  /** Where an ESCO skill's URI is checked and its label read (content/skill-ref.ts). */
  search: Pick<SearchIndex, 'get'>;
  now: () => Date;
}

/**
 * Steps: read (or first create) the profile; resolve each declared skill to its canonical reference (a
 * commons skill, or an ESCO skill with its label); apply the change over the version it was made from;
 * write it on condition that nobody wrote since; when it stops showing the profile to the fediverse,
 * forget the Person actor's followers. A change from an older version, or one that loses a race to
 * another, is a 409 and writes nothing.
 */
export async function updateProfile(
  deps: ProfileDependencies & { personData: Pick<PersonDataRepository, 'getDeletion' | 'forgetFollowers'> },
  identity: Identity,
  patch: ProfilePatch,
) {
  const person = await getMe(deps, identity);
  const declaredSkills = patch.declaredSkills && (await canonicalDeclarations(deps, patch.declaredSkills));
  const updated = applyProfilePatch(person, declaredSkills ? { ...patch, declaredSkills } : patch, deps.now());
  await save(deps, updated);
  // No longer shown to the fediverse: its followers are forgotten, a page at a time. Saved first, so a
  // Follow that arrives meanwhile finds the actor gone and is ignored; a retry of this change (after a
  // fault here) finds the profile already off, once shown, and forgets whatever is left. Someone who
  // never opted in has no followers to look for.
  if (!updated.fediverse && (person.fediverse || (patch.fediverse === false && person.fediverseLeftAt))) {
    await forgetPersonFollowers(deps.personData, person.id);
  }
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
  const [resolved] = await requireSkillRefs(skillDeps(deps), [declared.skill], () => 'path.skillId');
  const { label: _label, ...sent } = declared;
  const canonical: DeclaredSkill = { ...sent, ...resolved };
  return retried(deps, identity, (person, now) => {
    const known = person.declaredSkills.some((s) => s.skill === canonical.skill);
    if (!known && person.declaredSkills.length >= maxDeclaredSkills) {
      const { message, wordsIn } = peopleWords({ key: 'too-many-skills', values: { most: maxDeclaredSkills } });
      throw new RuleViolationError('too-many-skills', message, { wordsIn });
    }
    return withDeclaredSkill(person, canonical, now);
  });
}

/** Removes a declared skill (named as declared, or a commons skill by its ESCO URI); not declared is a 404. */
export async function removeDeclaredSkill(deps: ProfileDependencies, identity: Identity, ref: string) {
  const skillId = canonicalSkill(deps.commons, ref);
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
    if (error instanceof ConflictError) {
      const { message, wordsIn } = staleProfile();
      throw new ConflictError(message, { cause: error, wordsIn });
    }
    throw error;
  }
}

const skillDeps = (deps: ProfileDependencies) => ({ commons: deps.commons, escoLabels: escoLabelsFrom(deps.search) });

/**
 * The declarations with each skill canonical and ESCO's label beside an ESCO-only one. A skill ESCO or
 * the commons lacks, or the same skill twice (a commons id and its URI), is refused by position.
 */
async function canonicalDeclarations(deps: ProfileDependencies, declarations: DeclaredSkill[]) {
  const resolved = await requireSkillRefs(
    skillDeps(deps),
    declarations.map((d) => d.skill),
    (i) => `body.declaredSkills.${i}.skill`,
  );
  return declarations.map(({ label: _label, ...declared }, i) => ({ ...declared, ...resolved[i] }));
}
