// Setting what a person aims for (goal.ts says what a goal is and how it is read).
import type { Commons } from '../content/commons.ts';
import type { Identity } from '../identity.ts';
import { type GoalInput, goalFrom, withGoal } from './goal.ts';
import type { Person } from './person.ts';
import { type ProfileDependencies, retried } from './profile-use-cases.ts';

/**
 * Steps: check the skills and the path against the commons, then set the goal on the person's current profile. Only
 * you set your goal: the use case acts on the signed-in person alone.
 */
export async function setGoal(
  deps: ProfileDependencies & { commons: Pick<Commons, 'skills' | 'paths'> },
  identity: Identity,
  input: GoalInput,
): Promise<Person> {
  const goal = goalFrom(input, deps.commons);
  return retried(deps, identity, (person, now) => withGoal(person, goal, now));
}
