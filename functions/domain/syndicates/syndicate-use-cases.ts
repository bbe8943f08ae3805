// What people do with syndicates: found one, ask to join, decide on requests, change roles, leave.
import { retryOnConflict } from '../retry.ts';
import { ConflictError, NotFoundError, RuleViolationError, ValidationError } from '../errors.ts';
import type { Identity } from '../identity.ts';
import type { FoundKind } from '../i18n/edge-refusals.ts';
import { lastAdminWords, type SyndicateRefusal, syndicateWords } from '../i18n/work/syndicate-refusals.ts';
import type { Page, PageRequest } from '../paging.ts';
import type { PeopleRepository } from '../people/person.ts';
import {
  type Membership,
  rateCardByVote,
  type Role,
  reservedSyndicateIds,
  type Syndicate,
  type SyndicateInput,
  type SyndicateRepository,
} from './syndicate.ts';

/** A refusal's English and its words, as an error's arguments after its rule. */
const saidWords = (refusal: SyndicateRefusal) => {
  const { message, wordsIn } = syndicateWords(refusal);
  return [message, { wordsIn }] as const;
};

export interface SyndicateDependencies {
  syndicates: SyndicateRepository;
  now: () => Date;
}

export async function findSyndicate(deps: SyndicateDependencies, syndicateId: string): Promise<Syndicate> {
  const syndicate = await deps.syndicates.get(syndicateId);
  if (!syndicate) throw new NotFoundError('syndicate', syndicateId);
  return syndicate;
}

/** True when the person is an active admin of the syndicate. */
export async function isAdmin(
  deps: { syndicates: Pick<SyndicateRepository, 'getMembership'> },
  syndicateId: string,
  personId: string,
): Promise<boolean> {
  const membership = await deps.syndicates.getMembership(syndicateId, personId);
  return membership?.status === 'active' && membership.role === 'admin';
}

/** Admin-only actions answer as if the syndicate's private parts did not exist for anyone else. */
export async function requireAdmin(
  deps: SyndicateDependencies,
  syndicateId: string,
  identity: Identity,
  kind: FoundKind = 'syndicate',
) {
  if (!(await isAdmin(deps, syndicateId, identity.personId))) throw new NotFoundError(kind, syndicateId);
}

/**
 * A page of a syndicate's members and requests, for its admins only, each with the person's name (one
 * batched read per page). `hideDeclined` leaves declined requests out, as the syndicate's page does;
 * `activeOnly` lists active members only (a training place's mentor is one).
 */
export async function syndicateMembers(
  deps: SyndicateDependencies & { people: Pick<PeopleRepository, 'getMany'> },
  identity: Identity,
  syndicateId: string,
  request: PageRequest,
  { hideDeclined = false, activeOnly = false }: { hideDeclined?: boolean; activeOnly?: boolean } = {},
): Promise<Page<{ membership: Membership; name: string }>> {
  await requireAdmin(deps, syndicateId, identity);
  const page = await deps.syndicates.pageMemberships(
    syndicateId,
    request,
    activeOnly
      ? (batch) => batch.filter((m) => m.status === 'active')
      : hideDeclined
        ? (batch) => batch.filter((m) => m.status !== 'declined')
        : undefined,
  );
  const people = await deps.people.getMany(page.items.map((m) => m.personId));
  return {
    ...page,
    items: page.items.map((membership) => ({
      membership,
      name: people.get(membership.personId)?.name ?? membership.personId,
    })),
  };
}

export async function createSyndicate(
  deps: { syndicates: Pick<SyndicateRepository, 'create'>; now: () => Date },
  identity: Identity,
  id: string,
  input: SyndicateInput,
): Promise<Syndicate> {
  if (reservedSyndicateIds.has(id)) {
    throw new ValidationError([{ field: 'body.id', ...syndicateWords({ key: 'reserved', values: { id } }) }]);
  }
  const at = deps.now().toISOString();
  const syndicate: Syndicate = {
    ...input,
    id,
    createdAt: at,
    createdBy: identity.personId,
    memberCount: 1,
    adminCount: 1,
  };
  await deps.syndicates.create(syndicate, {
    syndicateId: id,
    personId: identity.personId,
    role: 'admin',
    status: 'active',
    requestedAt: at,
    decidedAt: at,
    decidedBy: identity.personId,
    memberSince: at,
  });
  return syndicate;
}

/**
 * An admin edits the syndicate. Its rate card changes directly only while it has one member; the write
 * is conditional on the counts as read, so a member joining between the check and the write makes it
 * try again from the reads, and the rule (rate-card-by-vote) answers, never a direct change let through.
 */
export async function updateSyndicate(
  deps: SyndicateDependencies,
  identity: Identity,
  id: string,
  input: SyndicateInput,
) {
  await findSyndicate(deps, id);
  await requireAdmin(deps, id, identity);
  return retryOnConflict(async () => {
    const syndicate = await findSyndicate(deps, id);
    if (rateCardByVote(syndicate) && !sameValue(input.rateCard, syndicate.rateCard)) {
      throw new RuleViolationError(
        'rate-card-by-vote',
        ...saidWords({ key: 'rate-card-by-vote', values: { name: syndicate.name, members: syndicate.memberCount } }),
      );
    }
    const updated = { ...syndicate, ...input };
    await deps.syndicates.update(updated);
    return updated;
  });
}

export async function requestToJoin(deps: SyndicateDependencies, identity: Identity, syndicateId: string) {
  await findSyndicate(deps, syndicateId);
  return deps.syndicates.requestMembership({
    syndicateId,
    personId: identity.personId,
    role: 'member',
    status: 'requested',
    requestedAt: deps.now().toISOString(),
  });
}

export async function decideMembership(
  deps: SyndicateDependencies,
  identity: Identity,
  syndicateId: string,
  personId: string,
  decision: 'approve' | 'decline',
): Promise<Membership> {
  await requireAdmin(deps, syndicateId, identity);
  const current = await deps.syndicates.getMembership(syndicateId, personId);
  if (!current) throw new NotFoundError('membership request', personId);
  if (current.status !== 'requested')
    throw new ConflictError(...saidWords({ key: 'decided', values: { approved: current.status === 'active' } }));
  const at = deps.now().toISOString();
  const next: Membership = {
    ...current,
    status: decision === 'approve' ? 'active' : 'declined',
    decidedAt: at,
    decidedBy: identity.personId,
    ...(decision === 'approve' ? { memberSince: at } : {}),
  };
  await deps.syndicates.changeMembership(current, next);
  return next;
}

export async function changeRole(
  deps: SyndicateDependencies,
  identity: Identity,
  syndicateId: string,
  personId: string,
  role: Role,
): Promise<Membership> {
  await requireAdmin(deps, syndicateId, identity);
  const current = await deps.syndicates.getMembership(syndicateId, personId);
  if (current?.status !== 'active') throw new NotFoundError('member', personId);
  if (current.role === role) return current;
  const next = { ...current, role, decidedAt: deps.now().toISOString(), decidedBy: identity.personId };
  await deps.syndicates.changeMembership(current, next);
  return next;
}

/** Leaving is always allowed, except for the last admin: someone must keep the syndicate. */
export async function leaveSyndicate(deps: SyndicateDependencies, identity: Identity, syndicateId: string) {
  const current = await deps.syndicates.getMembership(syndicateId, identity.personId);
  if (!current || current.status === 'declined') throw new NotFoundError('membership', syndicateId);
  await deps.syndicates.changeMembership(current, null);
}

/** Deep equality of plain data, whatever order an object's keys were stored in (absent and undefined alike). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
    return [...keys].every((key) => sameValue(x[key], y[key]));
  }
  return a === b;
}

export function lastAdminError(): RuleViolationError {
  return new RuleViolationError('last-admin', lastAdminWords.message, { wordsIn: lastAdminWords.wordsIn });
}
