// An in-memory syndicate repository for unit tests, keeping the DynamoDB adapter's promises
// (functions/adapters/dynamodb/syndicate-repository.ts): ids are taken once, counts are the server's
// and move with the memberships they count, a membership changes only from the state it was read in,
// and the last admin can never go.
import { ConflictError } from '#domain/errors.ts';
import type { Membership, Syndicate, SyndicateRepository } from '#domain/syndicates/syndicate.ts';
import { lastAdminError } from '#domain/syndicates/syndicate-use-cases.ts';
import { manyFrom, pagedFrom } from './memory-pages.ts';

const copy = <T>(value: T): T => structuredClone(value);
const byText =
  <T>(text: (item: T) => string) =>
  (a: T, b: T) =>
    text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0;
const counts = (membership: Membership | null) => ({
  member: membership?.status === 'active' ? 1 : 0,
  admin: membership?.status === 'active' && membership.role === 'admin' ? 1 : 0,
});

export function memorySyndicates(): SyndicateRepository {
  const syndicates = new Map<string, Syndicate>();
  const memberships = new Map<string, Membership>();
  const key = (syndicateId: string, personId: string) => `${syndicateId}|${personId}`;
  return {
    get: async (syndicateId) => copy(syndicates.get(syndicateId) ?? null),
    getMany: manyFrom((syndicateId) => copy(syndicates.get(syndicateId))),
    // In the adapter's orders: syndicates by lower-case name then id, a syndicate's members by
    // person, a person's memberships by syndicate.
    page: pagedFrom(() =>
      copy([...syndicates.values()].sort(byText((syndicate) => `${syndicate.name.toLowerCase()}#${syndicate.id}`))),
    ),
    async create(syndicate, founder) {
      if (syndicates.has(syndicate.id))
        throw new ConflictError(`A syndicate with the id "${syndicate.id}" exists already.`);
      syndicates.set(syndicate.id, copy(syndicate));
      memberships.set(key(founder.syndicateId, founder.personId), copy(founder));
    },
    async update(syndicate) {
      const stored = syndicates.get(syndicate.id);
      if (stored?.memberCount !== syndicate.memberCount || stored.adminCount !== syndicate.adminCount) {
        throw new ConflictError('The syndicate changed meanwhile.');
      }
      syndicates.set(syndicate.id, copy(syndicate));
    },
    getMembership: async (syndicateId, personId) => copy(memberships.get(key(syndicateId, personId)) ?? null),
    pageMemberships: (syndicateId, request, sieve) =>
      pagedFrom(() =>
        copy(
          [...memberships.values()]
            .filter((membership) => membership.syndicateId === syndicateId)
            .sort(byText((membership) => membership.personId)),
        ),
      )(request, sieve),
    activeAdmins: async (syndicateId, max) =>
      [...memberships.values()]
        .filter((m) => m.syndicateId === syndicateId && m.role === 'admin' && m.status === 'active')
        .map((m) => m.personId)
        .sort()
        .slice(0, max),
    getMemberships: (syndicateId, personIds) =>
      manyFrom((personId) => copy(memberships.get(key(syndicateId, personId))))(personIds),
    pageMembershipsOf: (personId, request, sieve) =>
      pagedFrom(() =>
        copy(
          [...memberships.values()]
            .filter((membership) => membership.personId === personId)
            .sort(byText((membership) => membership.syndicateId)),
        ),
      )(request, sieve),
    async requestMembership(membership) {
      const existing = memberships.get(key(membership.syndicateId, membership.personId));
      if (existing && existing.status !== 'declined') return copy(existing);
      memberships.set(key(membership.syndicateId, membership.personId), copy(membership));
      return copy(membership);
    },
    async changeMembership(from, to, options = {}) {
      const at = key(from.syndicateId, from.personId);
      const stored = memberships.get(at);
      const syndicate = syndicates.get(from.syndicateId);
      if (!syndicate || stored?.status !== from.status || stored.role !== from.role) {
        throw new ConflictError('The membership changed meanwhile; try again.');
      }
      const adminDelta = counts(to).admin - counts(from).admin;
      const lastMemberLeaving = options.lastMember === true && syndicate.memberCount === 1;
      if (adminDelta < 0 && syndicate.adminCount <= 1 && !lastMemberLeaving) throw lastAdminError();
      syndicates.set(syndicate.id, {
        ...syndicate,
        memberCount: syndicate.memberCount + counts(to).member - counts(from).member,
        adminCount: syndicate.adminCount + adminDelta,
      });
      if (to) memberships.set(at, copy(to));
      else memberships.delete(at);
    },
  };
}
