// Who may open and vote on a scope's proposals. The roll is fixed when a proposal opens without writing
// or reading it: a voter must have been a member before the opening time (their person's `createdAt`
// for the commons, their membership's `memberSince` for a syndicate) and still be one when they vote.
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { voteWords } from '../i18n/work/vote-refusals.ts';
import type { Membership } from '../syndicates/syndicate.ts';
import type { DecisionDependencies } from './dependencies.ts';
import { syndicateOf } from './enactment.ts';
import type { Scope } from './proposal.ts';

/** When a membership became active; memberships approved before `memberSince` was kept have `decidedAt`. */
export const memberSince = (membership: Membership) => membership.memberSince ?? membership.decidedAt;

/** When `personId` became a member of the scope, or null when they are not one now. */
export async function memberOfScopeSince(
  deps: Pick<DecisionDependencies, 'people' | 'syndicates'>,
  scope: Scope,
  personId: string,
): Promise<string | null> {
  const syndicateId = syndicateOf({ scope });
  if (syndicateId === undefined) return (await deps.people.get(personId))?.createdAt ?? null;
  const membership = await deps.syndicates.getMembership(syndicateId, personId);
  return membership?.status === 'active' ? (memberSince(membership) ?? null) : null;
}

/** Refuses anyone who is not a member of the scope now: only members open its proposals. */
export async function requireMember(
  deps: Pick<DecisionDependencies, 'people' | 'syndicates'>,
  scope: Scope,
  personId: string,
) {
  const syndicateId = syndicateOf({ scope });
  if (syndicateId !== undefined && !(await deps.syndicates.get(syndicateId))) {
    throw new NotFoundError('syndicate', syndicateId);
  }
  if ((await memberOfScopeSince(deps, scope, personId)) === null) {
    throw new ForbiddenError(...voteWords({ key: 'not-member-open', values: { scope } }));
  }
}

/** The members who may vote on a proposal opening now: a counter, never a roll. */
export async function eligibleNow(deps: Pick<DecisionDependencies, 'decisions' | 'syndicates'>, scope: Scope) {
  const syndicateId = syndicateOf({ scope });
  if (syndicateId === undefined) return deps.decisions.commonsMembers();
  const syndicate = await deps.syndicates.get(syndicateId);
  if (!syndicate) throw new NotFoundError('syndicate', syndicateId);
  return syndicate.memberCount;
}
